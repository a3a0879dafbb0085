package dev.dialtone.support;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * H2 writes a commit to its file half a second later by default, so a process killed just after
 * answering 201 loses the call. With no write delay a commit is in the file (the operating system
 * has it) before the transaction returns. The setting is not kept in the file, and H2 reopens the
 * database after a storage failure, so every new connection sets it again, for any H2 URL a user
 * configures; other databases are left as they are.
 */
@Component
class H2Durability implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof HikariDataSource pool
                && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:h2:")) {
            pool.setConnectionInitSql("SET WRITE_DELAY 0");
        }
        return bean;
    }
}
