package vn.trean.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: a real PostgreSQL 17 started from a Maven artifact (zonky), so that a fresh
 * machine needs nothing installed, secured as {@link EmbeddedServer} describes. Its data stays under
 * {@code trean.db.embedded.data-dir} between runs, its passwords beside it; an empty setting means a
 * throw-away database (the tests), secured the same way. Set {@code TREAN_DB_URL} to use a PostgreSQL
 * server instead; this configuration then steps aside.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${trean.db.url:}'.isEmpty()")
class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(@Value("${trean.db.embedded.data-dir:}") String dataDir,
                                  @Value("${trean.db.embedded.port:0}") int port) throws IOException {
        Path dir = dataDir.isBlank() ? null : Path.of(dataDir).toAbsolutePath().normalize();
        if (dir != null) {
            log.info("Embedded PostgreSQL keeps its data in {}", dir);
        }
        return EmbeddedServer.start(dir, port);
    }

    @Bean
    DataSource dataSource(EmbeddedServer server, @Value("${trean.db.pool-size:10}") int poolSize,
                          @Value("${spring.datasource.hikari.connection-init-sql}") String initSql) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.appRole());
        dataSource.setPassword(server.appPassword());
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setConnectionInitSql(initSql);
        return dataSource;
    }
}
