package vn.trean.workflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.trean.workflow.HolidayCalendar.HolidayDay;

/**
 * Fills the holiday table from {@code calendar/vn-holidays.yaml} at start, one year at a time and only
 * for years the table does not hold yet: a year an administrator edited is never overwritten, and a
 * restart (or a second node starting at once) changes nothing.
 */
@Component
class HolidaySeed implements SmartInitializingSingleton {

    static final String ACTOR = "system";
    static final String REASON = "calendar/vn-holidays.yaml";
    private static final Logger log = LoggerFactory.getLogger(HolidaySeed.class);

    private final HolidaySettings settings;
    private final HolidayStore store;
    private final TransactionTemplate transactions;

    HolidaySeed(HolidaySettings settings, HolidayStore store, PlatformTransactionManager transactions) {
        this.settings = settings;
        this.store = store;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        var years = new TreeSet<Integer>(settings.holidays().keySet());
        years.addAll(settings.makeUpWorkingDays().keySet());
        for (int year : years) {
            boolean seeded = Boolean.TRUE.equals(transactions.execute(status -> store.replace(year,
                    days(settings.holidays().get(year)), days(settings.makeUpWorkingDays().get(year)), ACTOR,
                    Instant.now(), REASON, true)));
            if (seeded) {
                log.info("Holidays of {} loaded from {}", year, REASON);
            }
        }
    }

    private static List<HolidayDay> days(List<LocalDate> dates) {
        return dates == null ? List.of() : dates.stream().map(d -> new HolidayDay(d, null)).toList();
    }
}
