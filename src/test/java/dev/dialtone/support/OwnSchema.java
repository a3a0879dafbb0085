package dev.dialtone.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives each test context a database of its own: a schema no other context uses, made as the
 * context starts and dropped when it closes, on whichever database the tests run (H2 in memory, or
 * the PostgreSQL of {@code .ci/run}). Contexts then never see each other's calls, and one context's
 * lifecycle never advances another's.
 */
public final class OwnSchema
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** What {@code .ci/run} looks for to drop schemas a killed test JVM left behind. */
    static final String PREFIX = "test_context_";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema = PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        ConfigurableEnvironment environment = context.getEnvironment();
        // The pool's connections enter the schema as they open, before Flyway runs: it must
        // exist by then.
        try (Connection connection =
                        DriverManager.getConnection(
                                environment.getRequiredProperty("spring.datasource.url"),
                                environment.getProperty("spring.datasource.username"),
                                environment.getProperty("spring.datasource.password"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the test context's schema", e);
        }
        environment
                .getPropertySources()
                .addFirst(
                        new MapPropertySource(
                                "ownSchema",
                                Map.of(
                                        "spring.flyway.default-schema", schema,
                                        "spring.datasource.hikari.schema", schema)));
        context.addApplicationListener(
                event -> {
                    if (event instanceof ContextClosedEvent closed
                            && closed.getApplicationContext() == context) {
                        new JdbcTemplate(context.getBean(DataSource.class))
                                .execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                    }
                });
    }
}
