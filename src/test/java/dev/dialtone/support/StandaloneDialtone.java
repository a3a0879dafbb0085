package dev.dialtone.support;

import static io.restassured.RestAssured.given;

import dev.dialtone.DialtoneApplication;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole Dialtone started by the test itself, for tests about several instances or restarts.
 * It uses the given H2 database, unless SPRING_DATASOURCE_URL names the one to share (PostgreSQL in CI).
 */
public final class StandaloneDialtone implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private StandaloneDialtone(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static StandaloneDialtone start(String h2Url, String... profiles) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        if (System.getenv("SPRING_DATASOURCE_URL") == null) {
            args.add("--spring.datasource.url=" + h2Url + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        List<String> active = new ArrayList<>(List.of("test"));
        active.addAll(List.of(profiles));
        return new StandaloneDialtone(new SpringApplicationBuilder(DialtoneApplication.class)
                .profiles(active.toArray(String[]::new))
                .run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A request to this instance as account one. */
    public RequestSpecification asOne() {
        return given().port(port()).auth().preemptive().basic(TestAccounts.ONE, TestAccounts.ONE_TOKEN);
    }

    public static String callsJson() {
        return "/2010-04-01/Accounts/" + TestAccounts.ONE + "/Calls.json";
    }

    public static String callJson(String sid) {
        return "/2010-04-01/Accounts/" + TestAccounts.ONE + "/Calls/" + sid + ".json";
    }

    @Override
    public void close() {
        context.close();
    }
}
