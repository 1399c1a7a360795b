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
import org.springframework.web.util.UriComponentsBuilder;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;
import vn.trean.organisation.Agency;
import vn.trean.organisation.Organisation;
import vn.trean.oversight.Board;
import vn.trean.oversight.BoardQuery;
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

    /**
     * Rows of each list on the page: four lists of 25 keep the HTML of a province's board well under 100 kB (50 each
     * weighed 117 kB with 10,000 open cases); the API pages by up to 50.
     */
    static final int PAGE_ROWS = 25;

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
                 @RequestParam(defaultValue = "0") int page,
                 @RequestParam(defaultValue = "0") int windowPage,
                 @RequestParam(required = false) String commune,
                 @RequestParam(required = false) String agency,
                 @RequestParam(required = false) String step,
                 @RequestParam(defaultValue = "false") boolean emergency,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 Model model) throws JsonProcessingException {
        CurrentUser me = users.requireCurrent();
        board.requireBoard(me);
        var filter = new BoardQuery.Filter(commune, agency, step, emergency);
        var overdueBoard = board.board(me, new BoardQuery(filter, sort, page, windowPage, PAGE_ROWS));
        LocalDate today = LocalDate.ofInstant(EngineClock.now(), PageFormat.VIETNAM);
        LocalDate periodTo = to == null ? today : to;
        LocalDate periodFrom = from == null ? periodTo.withDayOfMonth(1) : from;
        model.addAttribute("board", overdueBoard);
        model.addAttribute("sort", sort.name());
        model.addAttribute("filter", filter);
        model.addAttribute("links", new BoardLinks(overdueBoard, from, to));
        model.addAttribute("steps", Arrays.stream(CaseProcess.Step.values()).map(CaseProcess.Step::formKey).distinct().toList());
        model.addAttribute("missingHolidayYear", holidays.missingNextYear().orElse(null));
        model.addAttribute("deadlinesWithoutHolidays", board.deadlinesWithoutHolidays(me));
        model.addAttribute("from", periodFrom);
        model.addAttribute("to", periodTo);
        // a period's compliance reads every case received in it: counted when asked for, not on every visit
        boolean asked = from != null || to != null;
        model.addAttribute("complianceAsked", asked);
        model.addAttribute("compliance", !asked || periodFrom.isAfter(periodTo) ? null : board.compliance(me, periodFrom, periodTo));
        // the board shows its user's province (or commune) only: the whole country's names would weigh 30 kB
        Map<String, String> communes = organisation.communeNames(me.provinceCode());
        Map<String, String> agencies = agencyNames();
        model.addAttribute("communes", communes);
        model.addAttribute("agencies", agencies);
        model.addAttribute("names", json.writeValueAsString(namesForScript(communes, agencies)));
        return "board";
    }

    /** The board's links to its other pages and orders, with the filters and the period kept. */
    public record BoardLinks(Board.OverdueBoard board, LocalDate from, LocalDate to) {

        public String overduePage(int page) {
            return link(board.sort().name(), page, board.windowPage());
        }

        public String windowPage(int windowPage) {
            return link(board.sort().name(), board.page(), windowPage);
        }

        public String sortedBy(String sort) {
            return link(sort, 0, board.windowPage());
        }

        public String export(String path) {
            var uri = UriComponentsBuilder.fromPath(path).queryParam("sort", board.sort().name());
            return filtered(uri).build().encode().toUriString();
        }

        public String compliance(String path) {
            return UriComponentsBuilder.fromPath(path).queryParam("from", from).queryParam("to", to).build().encode()
                    .toUriString();
        }

        private String link(String sort, int page, int windowPage) {
            var uri = UriComponentsBuilder.fromPath("/board").queryParam("sort", sort);
            filtered(uri);
            if (page > 0) {
                uri.queryParam("page", page);
            }
            if (windowPage > 0) {
                uri.queryParam("windowPage", windowPage);
            }
            if (from != null) {
                uri.queryParam("from", from);
            }
            if (to != null) {
                uri.queryParam("to", to);
            }
            return uri.build().encode().toUriString();
        }

        private UriComponentsBuilder filtered(UriComponentsBuilder uri) {
            BoardQuery.Filter f = board.filter();
            if (f.communeCode() != null) {
                uri.queryParam("commune", f.communeCode());
            }
            if (f.agencyId() != null) {
                uri.queryParam("agency", f.agencyId());
            }
            if (f.stepKey() != null) {
                uri.queryParam("step", f.stepKey());
            }
            if (f.emergency()) {
                uri.queryParam("emergency", true);
            }
            return uri;
        }
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
        return Map.of("communes", communes, "agencies", agencies, "steps", steps, "time", words,
                "emergency", messages.getMessage("page.board.emergency-badge", null, locale));
    }

    private Map<String, String> agencyNames() {
        Map<String, String> names = new HashMap<>();
        for (Agency agency : organisation.agencies()) {
            names.put(agency.id(), agency.name());
        }
        return names;
    }
}
