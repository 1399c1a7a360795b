package vn.trean.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.trean.identity.UserDirectory;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.workflow.EngineClock;
import vn.trean.workflow.HolidayCalendar;
import vn.trean.workflow.HolidayCalendar.HolidayDay;
import vn.trean.workflow.HolidayCalendar.HolidayYear;

/**
 * The administrators' holiday calendar: pick a year, see its days, replace them. One date a line
 * (dd/mm/yyyy, as every date of the app), a label after it if wanted; a plain form post.
 */
@Controller
class HolidayPages {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern LINE = Pattern.compile("(\\d{1,2}/\\d{1,2}/\\d{4})\\s*(.*)");
    private static final Pattern VIOLATION = Pattern.compile("(holidays|makeUpWorkingDays)\\[(\\d+)]\\..*");

    private final HolidayCalendar holidays;
    private final UserDirectory users;
    private final MessageSource messages;

    HolidayPages(HolidayCalendar holidays, UserDirectory users, MessageSource messages) {
        this.holidays = holidays;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/admin/holidays")
    String holidays(@RequestParam(required = false) Integer year, Model model) {
        int shown = year != null ? year
                : holidays.missingNextYear().orElse(LocalDate.ofInstant(EngineClock.now(), PageFormat.VIETNAM).getYear());
        if (shown < HolidayCalendar.FIRST_YEAR || shown > HolidayCalendar.LAST_YEAR) {
            model.addAttribute("problems", List.of(text("field.holiday-year-range", HolidayCalendar.FIRST_YEAR,
                    HolidayCalendar.LAST_YEAR)));
            shown = LocalDate.ofInstant(EngineClock.now(), PageFormat.VIETNAM).getYear();
        }
        HolidayYear days = holidays.year(shown);
        if (!model.containsAttribute("holidaysText")) {
            model.addAttribute("holidaysText", lines(days.holidays()));
            model.addAttribute("makeUpText", lines(days.makeUpWorkingDays()));
            model.addAttribute("reason", "");
        }
        model.addAttribute("year", shown);
        model.addAttribute("firstYear", HolidayCalendar.FIRST_YEAR);
        model.addAttribute("lastYear", HolidayCalendar.LAST_YEAR);
        model.addAttribute("days", days);
        model.addAttribute("years", holidays.years());
        model.addAttribute("missingHolidayYear", holidays.missingNextYear().orElse(null));
        return "admin-holidays";
    }

    @PostMapping("/admin/holidays")
    String save(@RequestParam int year, @RequestParam(defaultValue = "") String holidaysText,
                @RequestParam(defaultValue = "") String makeUpText, @RequestParam(defaultValue = "") String reason,
                Model model, RedirectAttributes redirect) {
        List<String> problems = new ArrayList<>();
        Parsed off = parse(holidaysText, "holidays", problems);
        Parsed makeUp = parse(makeUpText, "makeUpWorkingDays", problems);
        if (problems.isEmpty()) {
            try {
                var moved = holidays.replace(year, off.days(), makeUp.days(), reason, users.requireCurrent().username());
                redirect.addFlashAttribute("notice", text("page.holidays.saved", year, moved.timers() + moved.tasks()));
                return "redirect:/admin/holidays?year=" + year;
            } catch (InvalidFieldsProblem refused) {
                for (var v : refused.violations()) {
                    String message = text("field." + v.code(), v.args());
                    Matcher m = VIOLATION.matcher(v.field());
                    if (m.matches()) {
                        int line = (m.group(1).equals("holidays") ? off : makeUp).lines().get(Integer.parseInt(m.group(2)));
                        problems.add(text("page.holidays.line-problem", text("page.holidays.field." + m.group(1)), line, message));
                    } else {
                        problems.add(text("page.holidays.field-problem", text("page.holidays.field." + v.field()), message));
                    }
                }
            }
        }
        model.addAttribute("problems", problems);
        model.addAttribute("holidaysText", holidaysText);
        model.addAttribute("makeUpText", makeUpText);
        model.addAttribute("reason", reason);
        return holidays(year, model);
    }

    /** The dates of a textarea, and for each the line it was on (blank lines skipped). */
    private record Parsed(List<HolidayDay> days, List<Integer> lines) {
    }

    private Parsed parse(String text, String field, List<String> problems) {
        List<HolidayDay> days = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String[] rows = text.split("\\R");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(row);
            try {
                if (!m.matches()) {
                    throw new DateTimeParseException(row, row, 0);
                }
                days.add(new HolidayDay(LocalDate.parse(pad(m.group(1)), SHOWN), m.group(2).isBlank() ? null : m.group(2)));
                lines.add(i + 1);
            } catch (DateTimeParseException e) {
                problems.add(text("page.holidays.line-problem", text("page.holidays.field." + field), i + 1,
                        text("page.holidays.not-a-date")));
            }
        }
        return new Parsed(days, lines);
    }

    /** 1/5/2027 as 01/05/2027. */
    private static String pad(String date) {
        return java.util.Arrays.stream(date.split("/")).map(p -> p.length() == 1 ? "0" + p : p)
                .collect(Collectors.joining("/"));
    }

    private static String lines(List<HolidayDay> days) {
        return days.stream().map(d -> d.date().format(SHOWN) + (d.label() == null ? "" : " " + d.label()))
                .collect(Collectors.joining("\n"));
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
