package vn.trean.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.trean.identity.Role;
import vn.trean.organisation.AdministrationScopes;
import vn.trean.organisation.OrganisationAdministration;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;

/** What the administration pages share: the role and agency choices, and a refusal turned into errors by field. */
@Component
class AdminForms {

    private final MessageSource messages;
    private final OrganisationAdministration administration;
    private final AdministrationScopes scopes;

    AdminForms(MessageSource messages, OrganisationAdministration administration, AdministrationScopes scopes) {
        this.messages = messages;
        this.administration = administration;
        this.scopes = scopes;
    }

    /** Role choices with their labels, in the page's language: those the administrator may grant. */
    Map<String, String> roles() {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> roles = new LinkedHashMap<>();
        boolean nationwide = scopes.current().isNationwide();
        Arrays.stream(Role.values()).filter(r -> nationwide || r.grantableByProvince()).forEach(r -> roles.put(r.name(), messages.getMessage("admin.role." + r.name(), null,
                r.name(), locale)));
        return roles;
    }

    /** Agency names by id, for the lists and the agency search (a datalist): those the administrator administers. */
    Map<String, String> agencies() {
        Map<String, String> names = new LinkedHashMap<>();
        for (var agency : administration.agencies(null)) {
            names.put(agency.id(), agency.name());
        }
        return names;
    }

    void addChoices(Model model) {
        model.addAttribute("roles", roles());
        model.addAttribute("agencies", agencies());
    }

    /** The message of each refused field, beside it on the page; a refusal that names no field under "form". */
    Map<String, String> errors(ApiProblem problem) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        if (problem instanceof InvalidFieldsProblem invalid && !invalid.violations().isEmpty()) {
            invalid.violations().forEach(v -> errors.putIfAbsent(v.field(),
                    messages.getMessage("field." + v.code(), v.args(), v.code(), locale)));
        } else {
            errors.put("form", problemText(problem));
        }
        return errors;
    }

    String problemText(ApiProblem problem) {
        Locale locale = LocaleContextHolder.getLocale();
        String detail = messages.getMessage("problem." + problem.code() + ".detail", problem.args(), "", locale);
        return detail.isEmpty() ? messages.getMessage("problem." + problem.code() + ".title", problem.args(), problem.code(),
                locale) : detail;
    }

    String message(String code, List<Object> args) {
        return messages.getMessage("field." + code, args.toArray(), code, LocaleContextHolder.getLocale());
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
