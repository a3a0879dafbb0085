package dev.dialtone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.support.ApiTest;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The suite runs on the database the environment names, so a PostgreSQL run really is one. */
class DatabaseSelectionTest extends ApiTest {

    @Autowired DataSource dataSource;

    @Test
    void runsOnTheDatabaseTheEnvironmentNames() throws Exception {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            assertThat(product)
                    .isEqualTo(
                            url != null && url.startsWith("jdbc:postgresql:")
                                    ? "PostgreSQL"
                                    : "H2");
        }
    }
}
