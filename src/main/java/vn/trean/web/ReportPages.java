package vn.trean.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.Comparator;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.trean.casefile.CaseFiles;
import vn.trean.intake.FileReportRequest;
import vn.trean.intake.Intake;
import vn.trean.organisation.Locality;
import vn.trean.organisation.Organisation;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;

/**
 * A new report (Form 01) for every receiving point. Before a case is opened the page shows the cases that may be
 * about the same child — for the hotline and the province department in every commune of the province, each naming
 * its commune, a case the user need not know only by its initials and age — and the user either adds the report to
 * one of them or confirms that it is a new case. Plain HTML form posts: it works without JavaScript.
 */
@Controller
class ReportPages {

    private final Intake intake;
    private final Organisation organisation;
    private final SmartValidator validator;
    private final MessageSource messages;

    ReportPages(Intake intake, Organisation organisation, SmartValidator validator, MessageSource messages) {
        this.intake = intake;
        this.organisation = organisation;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping("/reports/new")
    String newReport(@RequestParam(required = false) String linked, Model model) {
        model.addAttribute("linkedToHiddenCase", linked != null);
        var form = new ReportForm();
        // the time of receipt starts the 12-hour clock: it defaults to now, in Vietnam time
        form.setReceivedAt(LocalDateTime.ofInstant(Instant.now(), PageFormat.VIETNAM).truncatedTo(ChronoUnit.MINUTES)
                .toString());
        return page(form, Map.of(), null, List.of(), model);
    }

    @PostMapping("/reports/new")
    String submit(@ModelAttribute("report") ReportForm form, BindingResult binding,
                  @RequestParam(required = false) UUID linkTo, @RequestParam(required = false) String decision,
                  Model model, RedirectAttributes flash) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), message("field.pattern", locale)));
        Map<String, String> unreadable = new LinkedHashMap<>();
        FileReportRequest request = form.toRequest(unreadable);
        unreadable.forEach((field, code) -> errors.putIfAbsent(field, message(code, locale)));
        BindingResult checked = new BeanPropertyBindingResult(request, "report");
        validator.validate(request, checked);
        checked.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), messages.getMessage(e, locale)));
        if (!errors.isEmpty()) {
            return page(form, errors, null, List.of(), model);
        }
        try {
            if (linkTo != null) {
                // linkTo is a match reference: the case itself opens only for those who need to know it
                var linked = intake.linkToMatch(linkTo, request);
                if (linked.visibleCaseId() != null) {
                    return "redirect:/cases/" + linked.visibleCaseId() + "?linked";
                }
                flash.addFlashAttribute("linkedCaseNumber", linked.caseNumber());
                flash.addFlashAttribute("linkedCommuneName", linked.communeName());
                return "redirect:/reports/new?linked";
            }
            if (!"new".equals(decision)) {
                var duplicates = intake.possibleDuplicates(request);
                if (!duplicates.isEmpty()) {
                    return page(form, Map.of(), null, duplicates, model);
                }
            }
            var opened = intake.file(request);
            return "redirect:/cases/" + opened.id() + "?filed";
        } catch (InvalidFieldsProblem problem) {
            problem.violations().forEach(v -> errors.putIfAbsent(v.field(),
                    messages.getMessage("field." + v.code(), v.args(), v.code(), locale)));
            return page(form, errors, null, List.of(), model);
        } catch (ApiProblem problem) {
            String text = messages.getMessage("problem." + problem.code() + ".detail", problem.args(), problem.code(),
                    locale);
            return page(form, Map.of(), text, List.of(), model);
        }
    }

    private String page(ReportForm form, Map<String, String> errors, String problem,
                        List<CaseFiles.DuplicateCandidate> duplicates, Model model) {
        model.addAttribute("report", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("duplicates", duplicates);
        // the hotline's and the department's matches may be of any commune of the province: each names its own
        Map<String, String> communes = new HashMap<>();
        duplicates.forEach(d -> communes.computeIfAbsent(d.communeCode(),
                code -> organisation.commune(code).map(Locality::name).orElse(code)));
        model.addAttribute("duplicateCommunes", communes);
        model.addAttribute("communesByProvince", communesByProvince());
        model.addAttribute("dims", DimensionChoices.ALL);
        return "report";
    }

    /**
     * The communes a report can reach (issue 11 item 7), grouped by province, both in Vietnamese order: the national
     * list has thousands of communes and many share a name. The page's script filters them as the user types.
     */
    private Map<String, List<Organisation.ReceivingCommune>> communesByProvince() {
        Map<String, List<Organisation.ReceivingCommune>> grouped = new TreeMap<>(VietnameseOrder.NAMES);
        for (Organisation.ReceivingCommune commune : intake.receivingCommunes()) {
            grouped.computeIfAbsent(commune.provinceName() == null ? commune.commune().provinceCode()
                    : commune.provinceName(), p -> new ArrayList<>()).add(commune);
        }
        grouped.values().forEach(communes -> communes.sort(
                Comparator.comparing((Organisation.ReceivingCommune c) -> c.commune().name(), VietnameseOrder.NAMES)));
        return grouped;
    }

    private String message(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }
}
