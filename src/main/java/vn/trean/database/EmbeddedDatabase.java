package vn.trean.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
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
 * machine needs nothing installed. Its data stays under {@code trean.db.embedded.data-dir} between
 * runs; an empty setting means a throw-away database (the tests). Set {@code TREAN_DB_URL} to use a
 * PostgreSQL server instead; this configuration then steps aside.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${trean.db.url:}'.isEmpty()")
class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${trean.db.embedded.data-dir:}") String dataDir,
                                      @Value("${trean.db.embedded.port:0}") int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // zonky turns durability off by default; a report that was accepted must survive a crash
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                // Spring stops it after the engine and the pool are closed; its own JVM hook would race them
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        if (!dataDir.isBlank()) {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
            log.info("Embedded PostgreSQL keeps its data in {}", dir);
        }
        return builder.start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${trean.db.pool-size:10}") int poolSize,
                          @Value("${spring.datasource.hikari.connection-init-sql}") String initSql) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setConnectionInitSql(initSql);
        return dataSource;
    }
}
