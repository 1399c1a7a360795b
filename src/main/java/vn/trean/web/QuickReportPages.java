package vn.trean.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;
import vn.trean.intake.Intake;
import vn.trean.intake.QuickReportRequest;
import vn.trean.organisation.Locality;
import vn.trean.organisation.Organisation;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;

/**
 * A village collaborator's pages (issue 9, item 5): the short report, made for a phone, and the list of the
 * reports they filed with a coarse status. The list serves everyone who files; the short form only
 * collaborators (the security rules decide). Plain form posts: it works without JavaScript.
 */
@Controller
class QuickReportPages {

    private final Intake intake;
    private final Organisation organisation;
    private final UserDirectory users;
    private final SmartValidator validator;
    private final MessageSource messages;

    QuickReportPages(Intake intake, Organisation organisation, UserDirectory users, SmartValidator validator,
                     MessageSource messages) {
        this.intake = intake;
        this.organisation = organisation;
        this.users = users;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping("/reports/quick")
    String quickReport(Model model) {
        var form = new QuickReportForm();
        form.setCommuneCode(users.requireCurrent().localityCode());
        form.setLearnedAt(LocalDateTime.ofInstant(Instant.now(), PageFormat.VIETNAM).truncatedTo(ChronoUnit.MINUTES)
                .toString());
        form.setUrgent("false");
        return page(form, Map.of(), null, model);
    }

    @PostMapping("/reports/quick")
    String submit(@ModelAttribute("report") QuickReportForm form, BindingResult binding, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), message("field.pattern", locale)));
        Map<String, String> unreadable = new LinkedHashMap<>();
        QuickReportRequest request = form.toRequest(unreadable);
        unreadable.forEach((field, code) -> errors.putIfAbsent(field, message(code, locale)));
        BindingResult checked = new BeanPropertyBindingResult(request, "report");
        validator.validate(request, checked);
        checked.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), messages.getMessage(e, locale)));
        if (!errors.isEmpty()) {
            return page(form, errors, null, model);
        }
        try {
            var opened = intake.fileQuick(request);
            return "redirect:/reports/mine?filed=" + opened.caseNumber();
        } catch (InvalidFieldsProblem problem) {
            problem.violations().forEach(v -> errors.putIfAbsent(v.field(),
                    messages.getMessage("field." + v.code(), v.args(), v.code(), locale)));
            if (errors.isEmpty()) {
                return page(form, errors, problemText(problem, locale), model);
            }
            return page(form, errors, null, model);
        } catch (ApiProblem problem) {
            return page(form, Map.of(), problemText(problem, locale), model);
        }
    }

    @GetMapping("/reports/mine")
    String mine(@RequestParam(required = false) String filed, Model model) {
        model.addAttribute("filed", filed != null && filed.matches("[0-9A-Za-z\\-]{1,40}") ? filed : null);
        model.addAttribute("reports", intake.mine());
        return "reports-mine";
    }

    private String page(QuickReportForm form, Map<String, String> errors, String problem, Model model) {
        model.addAttribute("report", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("communes", communesOfMyProvince(users.requireCurrent()));
        model.addAttribute("ageRanges", QuickReportRequest.AgeRange.values());
        return "report-quick";
    }

    /** A collaborator reports within their own province only; their own commune comes first. */
    private List<Locality> communesOfMyProvince(CurrentUser me) {
        return organisation.communes().stream().filter(c -> c.provinceCode().equals(me.provinceCode()))
                .sorted((a, b) -> a.code().equals(me.localityCode()) ? -1 : b.code().equals(me.localityCode()) ? 1 : 0)
                .toList();
    }

    private String problemText(ApiProblem problem, Locale locale) {
        return messages.getMessage("problem." + problem.code() + ".detail", problem.args(), problem.code(), locale);
    }

    private String message(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }
}
