package dev.dialtone.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * H2 writes a commit to its file half a second later by default, so a process killed just after
 * answering 201 loses the call. With no write delay a commit is in the file (the operating system
 * has it) before the transaction returns. Set at startup, before the server takes requests, so it
 * holds for any H2 URL a user configures; other databases are left as they are.
 */
@Component
class H2Durability implements InitializingBean {

    private final DataSource dataSource;

    H2Durability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.getMetaData().getDatabaseProductName().equals("H2")) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET WRITE_DELAY 0");
                }
            }
        }
    }
}
