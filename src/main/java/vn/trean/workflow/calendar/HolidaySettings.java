package vn.trean.workflow.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Vietnam's public holidays per year (Labour Code 2019, art. 112, and the days the Prime Minister
 * announces each year, Lunar New Year above all), and the Saturdays declared working days in exchange.
 * Kept in {@code calendar/vn-holidays.yaml}; each year is added when it is announced.
 */
@ConfigurationProperties("trean.calendar")
public record HolidaySettings(Map<Integer, List<LocalDate>> holidays, Map<Integer, List<LocalDate>> makeUpWorkingDays) {

    public HolidaySettings {
        holidays = holidays == null ? Map.of() : holidays;
        makeUpWorkingDays = makeUpWorkingDays == null ? Map.of() : makeUpWorkingDays;
    }

    public List<LocalDate> allHolidays() {
        return holidays.values().stream().flatMap(List::stream).toList();
    }

    public List<LocalDate> allMakeUpWorkingDays() {
        return makeUpWorkingDays.values().stream().flatMap(List::stream).toList();
    }
}
