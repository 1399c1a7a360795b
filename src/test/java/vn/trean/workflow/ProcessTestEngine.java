package vn.trean.workflow;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import vn.trean.workflow.calendar.WorkingDayCalendar;
import vn.trean.workflow.calendar.WorkingDayDueDateCalendar;

/**
 * The one process engine the process tests of a JVM share. It runs on a real PostgreSQL 17 (zonky embedded),
 * never on H2, so that the SQL the engine issues in production is the SQL under test (with synchronous commits,
 * as in production). It is configured in code: a {@code camunda.cfg.xml} on the test classpath would take over
 * the REST API's engine (STACK.md, trap 2).
 *
 * <p>Delegates are resolved through {@link Mocks}, so a test registers the beans the model names. Due dates
 * use the project's working-day calendar with the holidays below.
 */
public final class ProcessTestEngine {

    public static final String ENGINE_NAME = "trean-process-tests";
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Lunar New Year 2027 (Tết Đinh Mùi): Friday 5 to Thursday 11 February. */
    public static final List<LocalDate> HOLIDAYS =
            LocalDate.of(2027, 2, 5).datesUntil(LocalDate.of(2027, 2, 12)).toList();

    public static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(HOLIDAYS, List.of(), ZONE);

    private static ProcessEngine engine;
    private static EmbeddedPostgres postgres;
    private static HikariDataSource connections;

    private ProcessTestEngine() {
    }

    public static synchronized ProcessEngine engine() {
        if (engine == null) {
            postgres = startPostgres();
            connections = pooled(postgres.getPostgresDatabase());
            engine = configuration(connections).buildProcessEngine();
            Runtime.getRuntime().addShutdownHook(new Thread(ProcessTestEngine::shutDown, "process-test-engine-shutdown"));
        }
        return engine;
    }

    /** A fresh extension for one test class (it forgets its services after the class) on the shared engine. */
    public static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().useProcessEngine(engine()).build();
    }

    /** Puts back the real clock and forgets the mocked delegates; call after each test. */
    public static void reset() {
        ClockUtil.reset();
        Mocks.reset();
    }

    private static StandaloneProcessEngineConfiguration configuration(DataSource dataSource) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(ENGINE_NAME);
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setExpressionManager(new MockExpressionManager());
        // object variables (the measure ids of a plan) are stored as JSON through Spin; Java serialization is off
        configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
        configuration.setDefaultSerializationFormat(Variables.SerializationDataFormats.JSON.getName());
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new WorkingDayDueDateCalendar(CALENDAR));
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        configuration.setBusinessCalendarManager(calendars);
        return configuration;
    }

    /**
     * The embedded server's own data source opens a new PostgreSQL connection (a new server process) for every
     * engine command; pooling it makes the process tests about four times faster and is what production does.
     */
    private static HikariDataSource pooled(DataSource database) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("process-tests");
        pool.setDataSource(database);
        pool.setMaximumPoolSize(4);
        return pool;
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private static synchronized void shutDown() {
        try {
            if (engine != null) {
                engine.close();
            }
        } finally {
            if (connections != null) {
                connections.close();
            }
            try {
                if (postgres != null) {
                    postgres.close();
                }
            } catch (IOException ignored) {
                // the JVM is exiting; the data directory is a temporary one
            }
        }
    }
}
