package dev.dialtone.support;

import static io.restassured.RestAssured.given;

import dev.dialtone.DialtoneApplication;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole Dialtone started by the test itself, for tests about several instances or restarts.
 * Instances given the same {@link Database} share it: an H2 database, or, when
 * SPRING_DATASOURCE_URL names PostgreSQL (as in CI), a schema of its own there, so that no other
 * test's instance takes part.
 */
public final class StandaloneDialtone implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private StandaloneDialtone(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** One database for the instances of one test. */
    public record Database(String h2Url, String schema) implements AutoCloseable {

        public static Database inMemory() {
            String name = "dialtone_" + UUID.randomUUID().toString().substring(0, 8);
            return new Database("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", name);
        }

        public static Database inFile(Path dir) {
            String name = "dialtone_" + UUID.randomUUID().toString().substring(0, 8);
            return new Database("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath(), name);
        }

        public List<String> arguments() {
            String shared = System.getenv("SPRING_DATASOURCE_URL");
            if (shared == null) {
                return List.of(
                        "--spring.datasource.url="
                                + h2Url
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            }
            return List.of(
                    "--spring.datasource.url="
                            + shared
                            + (shared.contains("?") ? "&" : "?")
                            + "currentSchema="
                            + schema,
                    "--spring.flyway.schemas=" + schema,
                    "--spring.flyway.default-schema=" + schema);
        }

        /** Drops the PostgreSQL schema once the test is done with it. */
        @Override
        public void close() throws SQLException {
            String shared = System.getenv("SPRING_DATASOURCE_URL");
            if (shared == null) {
                return;
            }
            try (Connection connection =
                            DriverManager.getConnection(
                                    shared,
                                    System.getenv("SPRING_DATASOURCE_USERNAME"),
                                    System.getenv()
                                            .getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    public static StandaloneDialtone start(Database database, String... profiles) {
        return start(database, List.of(), profiles);
    }

    /** With extra command-line arguments, such as {@code --dialtone.simulation.speed=100}. */
    public static StandaloneDialtone start(
            Database database, List<String> arguments, String... profiles) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        args.addAll(arguments);
        args.addAll(database.arguments());
        List<String> active = new ArrayList<>(List.of("test"));
        active.addAll(List.of(profiles));
        return new StandaloneDialtone(
                new SpringApplicationBuilder(DialtoneApplication.class)
                        .profiles(active.toArray(String[]::new))
                        .run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A request to this instance as account one. */
    public RequestSpecification asOne() {
        return given().port(port())
                .auth()
                .preemptive()
                .basic(TestAccounts.ONE, TestAccounts.ONE_TOKEN);
    }

    /** A call's status as this instance shows it. */
    public String status(String sid) {
        return asOne().get(ApiTest.callJson(sid)).then().statusCode(200).extract().path("status");
    }

    /** A call's timeline from the control API. */
    public JsonPath timeline(String sid) {
        return asOne().get("/dialtone/calls/" + sid + "/timeline")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Override
    public void close() {
        context.close();
    }
}
