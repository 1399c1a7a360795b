package vn.trean.web;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;
import vn.trean.organisation.Locality;
import vn.trean.organisation.Organisation;
import vn.trean.oversight.SupervisedArea;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.reporting.Statistics;
import vn.trean.reporting.StatisticsDimension;
import vn.trean.reporting.StatisticsReport;
import vn.trean.reporting.StatisticsScope;
import vn.trean.workflow.EngineClock;

/**
 * The statistics of a commune or a province for a period (issue 10 item 2): the half-year and year presets of the
 * periodic reports or any range, the figures as tables, and the trend by month and the bar per commune as inline
 * SVG drawn here, each beside its table. No script.
 */
@Controller
class StatisticsPages {

    /** A preset period: {@code H1-2026} (the first six months of 2026) or {@code Y-2026} (the whole year). */
    private static final Pattern PRESET = Pattern.compile("(H1|Y)-(\\d{4})");

    private final Statistics statistics;
    private final UserDirectory users;
    private final Organisation organisation;
    private final MessageSource messages;
    private final PeriodicReportPages periodic;
    private final List<StatisticsDimension> dimensions;

    StatisticsPages(Statistics statistics, UserDirectory users, Organisation organisation, MessageSource messages,
                    PeriodicReportPages periodic, List<StatisticsDimension> dimensions) {
        this.statistics = statistics;
        this.dimensions = List.copyOf(dimensions);
        this.periodic = periodic;
        this.users = users;
        this.organisation = organisation;
        this.messages = messages;
    }

    /** A period offered as one click, e.g. "6 tháng đầu năm 2026". */
    record Preset(String href, String label, LocalDate from, LocalDate to, boolean active) {
    }

    /** A table of one breakdown: its lines, each a value's label and count. */
    record Breakdown(String id, String caption, List<Line> lines) {
    }

    record Line(String label, int value) {
    }

    /** A commune a province's staff may look at on its own. */
    record CommuneChoice(String code, String name) {
    }

    @GetMapping("/statistics")
    String statistics(@RequestParam(required = false) String period,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(required = false) String commune, Model model) {
        CurrentUser me = users.requireCurrent();
        StatisticsScope scope = statistics.scope(me, commune, null);
        int year = LocalDate.ofInstant(EngineClock.now(), PageFormat.VIETNAM).getYear();
        LocalDate[] chosen = from != null && to != null ? new LocalDate[] {from, to} : preset(period, year);
        boolean provinceStaff = SupervisedArea.of(me).filter(area -> !area.isCommune()).isPresent();
        // a province's staff looking at one commune keep it when they choose another period
        String keptCommune = provinceStaff ? scope.communeCode() : null;
        List<Preset> presets = new ArrayList<>();
        for (int y : new int[] {year, year - 1}) {
            presets.add(preset("H1-" + y, "statistics.preset.first-half", y, chosen, keptCommune));
            presets.add(preset("Y-" + y, "statistics.preset.year", y, chosen, keptCommune));
        }
        model.addAttribute("presets", presets);
        model.addAttribute("from", chosen[0]);
        model.addAttribute("to", chosen[1]);
        model.addAttribute("scope", scope);
        model.addAttribute("scopeName", scopeName(scope));
        model.addAttribute("communeChoices", provinceStaff ? communeChoices(scope) : List.of());
        try {
            Statistics.checkPeriod(chosen[0], chosen[1]);
        } catch (InvalidFieldsProblem problem) {
            var violation = problem.violations().get(0);
            model.addAttribute("periodError", messages.getMessage("field." + violation.code(), violation.args(),
                    LocaleContextHolder.getLocale()));
            return "statistics";
        }
        StatisticsReport report = statistics.report(scope, chosen[0], chosen[1]);
        model.addAttribute("report", report);
        model.addAttribute("caseBreakdowns", caseBreakdowns(report.cases()));
        model.addAttribute("childBreakdowns", childBreakdowns(report.children()));
        model.addAttribute("trendChart", StatisticsCharts.trend(report.trend()));
        model.addAttribute("communeChart", StatisticsCharts.areas(report.communes()));
        model.addAttribute("dimensionLabels", dimensionLabels(report));
        model.addAttribute("periodic", periodic.panel(me, scope, chosen[0], chosen[1], provinceStaff));
        return "statistics";
    }

    /** Each breakdown's values as the reader names them: key → value → label. */
    private Map<String, Map<String, String>> dimensionLabels(StatisticsReport report) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Map<String, String>> labels = new java.util.HashMap<>();
        for (StatisticsDimension dimension : dimensions) {
            Map<String, String> values = new java.util.HashMap<>();
            report.dimensions().getOrDefault(dimension.key(), List.of())
                    .forEach(count -> values.put(count.value(), dimension.label(count.value(), locale)));
            labels.put(dimension.key(), values);
        }
        return labels;
    }

    private List<Breakdown> caseBreakdowns(StatisticsReport.Cases cases) {
        return List.of(
                breakdown("cases-by-level", "statistics.cases.by-level", cases.byProtectionLevel(),
                        level -> level.recorded() == null ? "statistics.level.not-decided" : "page.level." + level.recorded()),
                new Breakdown("cases-by-status", message("statistics.cases.by-status"), List.of(
                        new Line(message("page.status.OPEN"), cases.open()),
                        new Line(message("page.status.CLOSED"), cases.closed()),
                        new Line(message("statistics.cases.emergency"), cases.emergency()))),
                breakdown("cases-by-handling", "statistics.cases.by-handling", cases.byHandlingOutcome(),
                        outcome -> outcome == StatisticsReport.HandlingOutcome.NOT_REFERRED
                                ? "statistics.handling.not-referred" : "page.case.handling-outcome." + outcome.name()));
    }

    private List<Breakdown> childBreakdowns(StatisticsReport.Children children) {
        return List.of(
                breakdown("children-by-sex", "statistics.children.by-sex", children.abusedBySex(), sex -> "page.sex." + sex),
                breakdown("children-by-age", "statistics.children.by-age", children.abusedByAgeGroup(),
                        group -> "statistics.age." + group),
                breakdown("children-by-form", "statistics.children.by-form", children.abusedByForm(),
                        form -> "page.abuse." + form));
    }

    /** A breakdown's table: each value's label is the message {@code labelKey} names (the value itself if none). */
    private <K> Breakdown breakdown(String id, String captionKey, Map<K, Integer> counts,
                                    java.util.function.Function<K, String> labelKey) {
        return new Breakdown(id, message(captionKey), counts.entrySet().stream()
                .map(e -> new Line(messages.getMessage(labelKey.apply(e.getKey()), null, String.valueOf(e.getKey()),
                        LocaleContextHolder.getLocale()), e.getValue()))
                .toList());
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /** The preset named, or the first half of this year. */
    private static LocalDate[] preset(String period, int thisYear) {
        Matcher matcher = PRESET.matcher(period == null ? "" : period);
        if (!matcher.matches()) {
            return new LocalDate[] {LocalDate.of(thisYear, 1, 1), LocalDate.of(thisYear, 6, 30)};
        }
        int year = Integer.parseInt(matcher.group(2));
        return new LocalDate[] {LocalDate.of(year, 1, 1),
                "H1".equals(matcher.group(1)) ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31)};
    }

    private Preset preset(String key, String labelKey, int year, LocalDate[] chosen, String commune) {
        LocalDate[] period = preset(key, year);
        String href = UriComponentsBuilder.fromPath("/statistics").queryParam("period", key)
                .queryParamIfPresent("commune", java.util.Optional.ofNullable(commune)).build().toUriString();
        return new Preset(href, messages.getMessage(labelKey, new Object[] {String.valueOf(year)},
                LocaleContextHolder.getLocale()), period[0], period[1],
                period[0].equals(chosen[0]) && period[1].equals(chosen[1]));
    }

    private String scopeName(StatisticsScope scope) {
        if (scope.isCommune()) {
            return organisation.commune(scope.communeCode()).map(Locality::name).orElse(scope.communeCode());
        }
        return organisation.provinces().stream().filter(p -> p.code().equals(scope.provinceCode())).map(Locality::name)
                .findFirst().orElse(scope.provinceCode());
    }

    /** The communes of the province, by name: a province's staff may look at one of them. */
    private List<CommuneChoice> communeChoices(StatisticsScope scope) {
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        Map<String, String> names = organisation.communeNames(scope.provinceCode());
        return names.entrySet().stream().map(e -> new CommuneChoice(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(CommuneChoice::name, vietnamese)).toList();
    }
}
