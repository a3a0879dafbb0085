package dev.dialtone.calls;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.DialtoneApplication;
import dev.dialtone.support.TestAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A call outlives the process: stop Dialtone, start a new one on the same database, fetch it. */
class RestartPersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsEveryCallAcrossARestart() {
        String created;
        String sid;
        String ended;
        try (ConfigurableApplicationContext first = start()) {
            int port = port(first);
            sid = given().port(port).auth().preemptive().basic(TestAccounts.ONE, TestAccounts.ONE_TOKEN)
                    .formParam("To", "+14155550199").formParam("From", "+15005550006").formParam("Url", "http://a.test/")
                    .formParam("StatusCallbackEvent", "ringing answered")
                    .post("/2010-04-01/Accounts/" + TestAccounts.ONE + "/Calls.json")
                    .then().statusCode(201).extract().path("sid");
            created = fetch(port, sid);
            String second = given().port(port).auth().preemptive().basic(TestAccounts.ONE, TestAccounts.ONE_TOKEN)
                    .formParam("To", "+14155550198").formParam("From", "+15005550006").formParam("Url", "http://a.test/")
                    .post("/2010-04-01/Accounts/" + TestAccounts.ONE + "/Calls.json").then().extract().path("sid");
            given().port(port).auth().preemptive().basic(TestAccounts.ONE, TestAccounts.ONE_TOKEN)
                    .formParam("Status", "canceled")
                    .post("/2010-04-01/Accounts/" + TestAccounts.ONE + "/Calls/" + second + ".json").then().statusCode(200);
            ended = second + "=" + fetch(port, second);
        }
        if (System.getenv("SPRING_DATASOURCE_URL") == null) {
            assertThat(Files.exists(dataDir.resolve("restart.mv.db"))).isTrue();
        }
        try (ConfigurableApplicationContext second = start()) {
            int port = port(second);
            assertThat(fetch(port, sid)).isEqualTo(created);
            String endedSid = ended.substring(0, ended.indexOf('='));
            assertThat(endedSid + "=" + fetch(port, endedSid)).isEqualTo(ended);
        }
    }

    /** On H2 a file database in a temporary folder; with SPRING_DATASOURCE_URL set, that database. */
    private ConfigurableApplicationContext start() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(DialtoneApplication.class).profiles("test");
        if (System.getenv("SPRING_DATASOURCE_URL") != null) {
            return application.run("--server.port=0");
        }
        return application.run("--server.port=0", "--spring.datasource.url=jdbc:h2:file:"
                + dataDir.resolve("restart").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String fetch(int port, String sid) {
        return given().port(port).auth().preemptive().basic(TestAccounts.ONE, TestAccounts.ONE_TOKEN)
                .get("/2010-04-01/Accounts/" + TestAccounts.ONE + "/Calls/" + sid + ".json")
                .then().statusCode(200).extract().asString();
    }
}
