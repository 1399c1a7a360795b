package vn.trean.workflow.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.identity.UserDirectory;
import vn.trean.workflow.HolidayCalendar;
import vn.trean.workflow.HolidayCalendar.HolidayDay;
import vn.trean.workflow.HolidayCalendar.HolidayYear;
import vn.trean.workflow.HolidayCalendar.Recalculated;
import vn.trean.workflow.HolidayCalendar.YearSummary;

/** Administrators keep each year's holidays (the security rules admit ADMIN only under /api/admin). */
@RestController
@Tag(name = "Holidays", description = "Ngày nghỉ lễ và ngày làm bù theo năm / holidays and make-up working days per year")
class HolidayController {

    private final HolidayCalendar holidays;
    private final UserDirectory users;

    HolidayController(HolidayCalendar holidays, UserDirectory users) {
        this.holidays = holidays;
        this.users = users;
    }

    /** The whole year's days, replacing those saved; {@code reason} goes into the audit log. */
    record YearDays(List<HolidayDay> holidays, List<HolidayDay> makeUpWorkingDays, String reason) {
    }

    /** The saved year, and how many open working-day deadlines moved. */
    record Saved(HolidayYear year, Recalculated recalculated) {
    }

    /** The years: configured ones with their counts; {@code missingNextYear} set from 1 October when next year is not. */
    record Years(List<YearSummary> years, Integer missingNextYear) {
    }

    @GetMapping("/api/admin/holidays")
    @Operation(summary = "Configured years with their numbers of holidays and make-up working days")
    Years years() {
        return new Years(holidays.years(), holidays.missingNextYear().orElse(null));
    }

    @GetMapping("/api/admin/holidays/{year}")
    @Operation(summary = "A year's holidays and make-up working days (configured false when nobody saved it)")
    HolidayYear year(@PathVariable int year) {
        return holidays.year(year);
    }

    @PutMapping("/api/admin/holidays/{year}")
    @Operation(summary = "Replace a year's holidays and make-up working days; open working-day deadlines are recalculated")
    Saved replace(@PathVariable int year, @RequestBody YearDays days) {
        Recalculated moved = holidays.replace(year, days.holidays(), days.makeUpWorkingDays(), days.reason(),
                users.requireCurrent().username());
        return new Saved(holidays.year(year), moved);
    }
}
