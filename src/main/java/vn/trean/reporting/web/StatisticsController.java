package vn.trean.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.identity.UserDirectory;
import vn.trean.reporting.Statistics;
import vn.trean.reporting.StatisticsReport;

@RestController
@RequestMapping("/api/statistics")
@Tag(name = "Statistics")
class StatisticsController {

    private final Statistics statistics;
    private final UserDirectory users;

    StatisticsController(Statistics statistics, UserDirectory users) {
        this.statistics = statistics;
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "The figures of my commune or province for the cases received in a period (dates inclusive)",
            description = "Reports received, verified, not a case; cases by protection level, status and handling "
                    + "outcome; children abused (each once) by sex, age group and form; deadline compliance and "
                    + "breaches by agency; the trend by month; a province's communes, and for a period before "
                    + "1 July 2025 its legacy districts. A province supervisor may name one of its communes. "
                    + "At most 5 years.")
    StatisticsReport report(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(required = false) String commune,
                            @RequestParam(required = false) String province) {
        return statistics.report(users.requireCurrent(), from, to, commune, province);
    }
}
