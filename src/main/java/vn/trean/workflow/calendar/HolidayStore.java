package vn.trean.workflow.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.trean.workflow.HolidayCalendar.HolidayDay;
import vn.trean.workflow.HolidayCalendar.HolidayYear;
import vn.trean.workflow.HolidayCalendar.YearSummary;

/**
 * The holiday tables, and the days every working-day deadline of this node is computed with.
 *
 * <p>The days are cached: a computation costs at most one read of the one-row version counter per
 * {@link #RECHECK_NANOS}, and the tables are read again only when the version differs from the cached
 * one. A change on this node drops the cache when its transaction ends; another node sees it within
 * that second.
 */
@Component
public class HolidayStore {

    static final long RECHECK_NANOS = 1_000_000_000L;
    static final String HOLIDAY = "HOLIDAY";
    static final String MAKE_UP = "MAKE_UP_WORKING_DAY";

    private final JdbcClient jdbc;
    private volatile Cached cached;

    HolidayStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Cached(long version, WorkingDayCalendar.Days days, long checkedAt) {
    }

    /** The days as committed (or as written by the current transaction), from the cache when unchanged. */
    public WorkingDayCalendar.Days days() {
        Cached current = cached;
        long now = System.nanoTime();
        if (current != null && now - current.checkedAt() < RECHECK_NANOS) {
            return current.days();
        }
        long version = version();
        if (current != null && current.version() == version) {
            cached = new Cached(version, current.days(), now);
            return current.days();
        }
        WorkingDayCalendar.Days loaded = load();
        cached = new Cached(version, loaded, now);
        return loaded;
    }

    /** The days read now, uncached: inside a change, what it is about to commit. */
    public WorkingDayCalendar.Days load() {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> makeUp = new HashSet<>();
        jdbc.sql("select day, kind from holiday_day").query(rs -> {
            (HOLIDAY.equals(rs.getString(2)) ? holidays : makeUp).add(rs.getDate(1).toLocalDate());
        });
        Set<Integer> years = new HashSet<>(jdbc.sql("select year from holiday_year").query(Integer.class).list());
        return new WorkingDayCalendar.Days(holidays, makeUp, years);
    }

    private long version() {
        return jdbc.sql("select version from holiday_calendar_version where id = 1").query(Long.class).single();
    }

    public List<YearSummary> years() {
        return jdbc.sql("""
                        select y.year, count(d.day) filter (where d.kind = 'HOLIDAY'),
                               count(d.day) filter (where d.kind = 'MAKE_UP_WORKING_DAY'), y.configured_by, y.configured_at
                        from holiday_year y left join holiday_day d on d.year = y.year
                        group by y.year order by y.year""")
                .query((rs, i) -> new YearSummary(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** The year as saved, or empty when it has not been configured. */
    public Optional<HolidayYear> year(int year) {
        return jdbc.sql("select configured_by, configured_at, reason from holiday_year where year = :y").param("y", year)
                .query((rs, i) -> {
                    List<HolidayDay> holidays = new ArrayList<>();
                    List<HolidayDay> makeUp = new ArrayList<>();
                    jdbc.sql("select day, kind, label from holiday_day where year = :y order by day").param("y", year)
                            .query(days -> {
                                var day = new HolidayDay(days.getDate(1).toLocalDate(), days.getString(3));
                                (HOLIDAY.equals(days.getString(2)) ? holidays : makeUp).add(day);
                            });
                    return new HolidayYear(year, true, holidays, makeUp, rs.getString(1),
                            rs.getTimestamp(2).toInstant(), rs.getString(3));
                })
                .optional();
    }

    /**
     * Replaces the year's days and marks it configured; runs in the caller's transaction. With
     * {@code onlyIfNew} a year already present is left alone (the seed, which every node may run at once).
     *
     * @return whether anything was written
     */
    public boolean replace(int year, List<HolidayDay> holidays, List<HolidayDay> makeUp, String actor, Instant at,
                           String reason, boolean onlyIfNew) {
        int inserted = jdbc.sql("""
                        insert into holiday_year (year, configured_by, configured_at, reason) values (:y, :a, :at, :r)
                        on conflict (year) do nothing""")
                .param("y", year).param("a", actor).param("at", Timestamp.from(at)).param("r", reason).update();
        if (inserted == 0) {
            if (onlyIfNew) {
                return false;
            }
            jdbc.sql("update holiday_year set configured_by = :a, configured_at = :at, reason = :r where year = :y")
                    .param("y", year).param("a", actor).param("at", Timestamp.from(at)).param("r", reason).update();
            jdbc.sql("delete from holiday_day where year = :y").param("y", year).update();
        }
        insertDays(year, holidays, HOLIDAY);
        insertDays(year, makeUp, MAKE_UP);
        jdbc.sql("update holiday_calendar_version set version = version + 1 where id = 1").update();
        forgetWhenDone();
        return true;
    }

    private void insertDays(int year, List<HolidayDay> days, String kind) {
        for (HolidayDay day : days) {
            jdbc.sql("insert into holiday_day (day, year, kind, label) values (:d, :y, :k, :l)")
                    .param("d", Date.valueOf(day.date())).param("y", year).param("k", kind).param("l", day.label())
                    .update();
        }
    }

    private void forgetWhenDone() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cached = null;
                }
            });
        } else {
            cached = null;
        }
    }
}
