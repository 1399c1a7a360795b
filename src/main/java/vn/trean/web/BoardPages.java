package vn.trean.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;
import vn.trean.organisation.Agency;
import vn.trean.organisation.Organisation;
import vn.trean.oversight.Board;
import vn.trean.workflow.CaseProcess;
import vn.trean.workflow.EngineClock;
import vn.trean.workflow.HolidayCalendar;

/**
 * The overdue board of a province supervisor (their province) or a commune chairman (their commune).
 * Rendered whole by the server; board.js then refreshes it from {@code /api/board} every 30 seconds
 * and re-sorts it without a reload, with the names it needs handed over once in the page.
 */
@Controller
class BoardPages {

    private final Board board;
    private final UserDirectory users;
    private final Organisation organisation;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final HolidayCalendar holidays;

    BoardPages(Board board, UserDirectory users, Organisation organisation, MessageSource messages, ObjectMapper json,
               HolidayCalendar holidays) {
        this.holidays = holidays;
        this.board = board;
        this.users = users;
        this.organisation = organisation;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/board")
    String board(@RequestParam(defaultValue = "DUE") Board.Sort sort,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 Model model) throws JsonProcessingException {
        CurrentUser me = users.requireCurrent();
        LocalDate today = LocalDate.ofInstant(EngineClock.now(), PageFormat.VIETNAM);
        LocalDate periodTo = to == null ? today : to;
        LocalDate periodFrom = from == null ? periodTo.withDayOfMonth(1) : from;
        var overdueBoard = board.board(me, sort);
        model.addAttribute("board", overdueBoard);
        model.addAttribute("sort", sort.name());
        model.addAttribute("missingHolidayYear", holidays.missingNextYear().orElse(null));
        model.addAttribute("deadlinesWithoutHolidays", board.deadlinesWithoutHolidays(me));
        model.addAttribute("from", periodFrom);
        model.addAttribute("to", periodTo);
        model.addAttribute("compliance", periodFrom.isAfter(periodTo) ? null : board.compliance(me, periodFrom, periodTo));
        // the board shows its user's province (or commune) only: the whole country's names would weigh 30 kB
        Map<String, String> communes = organisation.communeNames(me.provinceCode());
        Map<String, String> agencies = agencyNames();
        model.addAttribute("communes", communes);
        model.addAttribute("agencies", agencies);
        model.addAttribute("names", json.writeValueAsString(namesForScript(communes, agencies)));
        return "board";
    }

    /** What board.js needs to render rows as the server does: names, step labels and duration words. */
    private Map<String, Object> namesForScript(Map<String, String> communes, Map<String, String> agencies) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> steps = new LinkedHashMap<>();
        Arrays.stream(CaseProcess.Step.values()).map(CaseProcess.Step::formKey)
                .forEach(key -> steps.put(key, messages.getMessage("page.step." + key, null, key, locale)));
        Map<String, String> words = new LinkedHashMap<>();
        for (String key : new String[] {"days", "days-hours", "hours", "hours-minutes", "minutes"}) {
            words.put(key, messages.getMessage("page.time." + key, null, locale));
        }
        return Map.of("communes", communes, "agencies", agencies, "steps", steps, "time", words);
    }

    private Map<String, String> agencyNames() {
        Map<String, String> names = new HashMap<>();
        for (Agency agency : organisation.agencies()) {
            names.put(agency.id(), agency.name());
        }
        return names;
    }
}
