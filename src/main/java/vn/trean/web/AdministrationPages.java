package vn.trean.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.trean.identity.UserDirectory;
import vn.trean.organisation.AgencyKind;
import vn.trean.organisation.Locality;
import vn.trean.organisation.Organisation;
import vn.trean.organisation.OrganisationAdministration;
import vn.trean.organisation.OrganisationAdministration.Gap;
import vn.trean.organisation.RoutingRule;
import vn.trean.organisation.RoutingRule.Scope;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.ListingProblem;

/**
 * The administration area's landing page, and the routing rules: one table of every rule, adding a rule,
 * setting a rule's last day, and the communes of a province where a role resolves to no agency.
 */
@Controller
class AdministrationPages {

    private static final String ROLE_KEY = "[a-z][a-z0-9-]{1,62}";

    private final OrganisationAdministration administration;
    private final Organisation organisation;
    private final UserDirectory users;
    private final MessageSource messages;

    AdministrationPages(OrganisationAdministration administration, Organisation organisation, UserDirectory users,
                        MessageSource messages) {
        this.administration = administration;
        this.organisation = organisation;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/admin")
    String home() {
        return "admin";
    }

    /** What the add-a-rule form holds when it is shown again. */
    record RuleForm(String roleKey, String agencyKind, String scope, String validFrom, String validTo,
                    String provinceCode) {
        static final RuleForm EMPTY = new RuleForm("", "", "COMMUNE", "", "", "");
    }

    /** A rule and whether it is in force today: CURRENT, FUTURE or ENDED. */
    record RuleRow(RoutingRule rule, String state) {
    }

    /** A commune with the roles that resolve to no agency there, in a sentence. */
    record GapLine(String communeCode, String communeName, String text) {
    }

    @GetMapping("/admin/routing")
    String routing(@RequestParam(required = false) String province, @RequestParam(required = false) String on,
                   Model model) {
        FormErrors errors = new FormErrors(messages);
        return page(RuleForm.EMPTY, errors, province, on, model);
    }

    @PostMapping("/admin/routing")
    String add(@RequestParam(defaultValue = "") String roleKey, @RequestParam(defaultValue = "") String agencyKind,
               @RequestParam(defaultValue = "") String scope, @RequestParam(defaultValue = "") String validFrom,
               @RequestParam(defaultValue = "") String validTo, @RequestParam(defaultValue = "") String provinceCode,
               Model model) {
        RuleForm form = new RuleForm(roleKey, agencyKind, scope, validFrom, validTo, provinceCode);
        FormErrors errors = new FormErrors(messages);
        String role = roleKey.strip();
        if (!role.matches(ROLE_KEY)) {
            errors.add("roleKey", "admin.routing.role-invalid");
        }
        AgencyKind kind = Arrays.stream(AgencyKind.values()).filter(k -> k.name().equals(agencyKind)).findFirst()
                .orElse(null);
        if (kind == null) {
            errors.add("agencyKind", "admin.agencies.choose-kind");
        }
        Scope chosenScope = Arrays.stream(Scope.values()).filter(s -> s.name().equals(scope)).findFirst().orElse(null);
        if (chosenScope == null) {
            errors.add("scope", "admin.routing.choose-scope");
        }
        LocalDate from = AdminDates.parse("validFrom", validFrom, errors);
        if (from == null) {
            errors.add("validFrom", "admin.routing.from-required");
        }
        LocalDate to = AdminDates.parse("validTo", validTo, errors);
        if (errors.isEmpty()) {
            try {
                RoutingRule added = administration.addRule(role, kind, chosenScope, from, to,
                        provinceCode.isBlank() ? null : provinceCode.strip(), actor());
                return "redirect:/admin/routing?added=" + added.id() + "#rule-" + added.id();
            } catch (InvalidFieldsProblem problem) {
                errors.addAll(problem, Map.of());
            } catch (ListingProblem problem) {
                overlap(problem, "validFrom", errors);
            }
        }
        return page(form, errors, null, null, model);
    }

    @PostMapping("/admin/routing/{id}/end")
    String end(@PathVariable long id, @RequestParam(defaultValue = "") String validTo, Model model) {
        FormErrors errors = new FormErrors(messages);
        String field = "validTo-" + id;
        LocalDate to = AdminDates.parse(field, validTo, errors);
        if (errors.isEmpty()) {
            try {
                administration.endRule(id, to, actor());
                return "redirect:/admin/routing?ended=" + id + "#rule-" + id;
            } catch (InvalidFieldsProblem problem) {
                errors.addAll(problem, Map.of("validTo", field));
            } catch (ListingProblem problem) {
                overlap(problem, field, errors);
            }
        }
        model.addAttribute("endValues", Map.of(id, validTo));
        return page(RuleForm.EMPTY, errors, null, null, model);
    }

    /** The rule the new period collides with, named in the page's words next to the field. */
    private void overlap(ListingProblem problem, String field, FormErrors errors) {
        if (!"routing-rule-overlaps".equals(problem.code())) {
            throw problem;
        }
        RoutingRule other = (RoutingRule) problem.items().get(0);
        errors.add(field, "admin.routing.overlaps", other.id(), roleLabel(other.roleKey()),
                message("admin.kind." + other.agencyKind().name()), AdminDates.show(other.validFrom()),
                other.validTo() == null ? "…" : AdminDates.show(other.validTo()));
    }

    private String page(RuleForm form, FormErrors errors, String province, String on, Model model) {
        LocalDate today = AgencyPages.today();
        model.addAttribute("rules", administration.rules().stream().map(r -> new RuleRow(r, state(r, today))).toList());
        model.addAttribute("roles", new TreeSet<>(organisation.roles()));
        model.addAttribute("kinds", AgencyKind.values());
        model.addAttribute("scopes", Scope.values());
        model.addAttribute("form", form);
        if (!model.containsAttribute("endValues")) {
            model.addAttribute("endValues", Map.of());
        }
        List<Locality> provinces = administration.administeredProvinces();
        model.addAttribute("provinces", provinces);
        Map<String, String> provinceNames = new java.util.HashMap<>();
        organisation.provinces().forEach(p -> provinceNames.put(p.code(), p.name()));
        model.addAttribute("provinceNames", provinceNames);
        Optional<Locality> chosen = provinces.stream().filter(p -> p.code().equals(province)).findFirst();
        model.addAttribute("province", chosen.orElse(null));
        model.addAttribute("on", on == null ? "" : on);
        LocalDate day = AdminDates.parse("on", on, errors);
        if (chosen.isPresent() && !errors.asMap().containsKey("on")) {
            LocalDate checked = day == null ? today : day;
            model.addAttribute("checkedOn", checked);
            model.addAttribute("gaps", administration.gaps(chosen.get().code(), checked).stream().map(this::line).toList());
        }
        model.addAttribute("errors", errors.asMap());
        return "admin-routing";
    }

    private GapLine line(Gap gap) {
        List<String> roles = gap.missingRoles().stream().map(this::roleLabel).toList();
        String text = message(roles.size() == 1 ? "admin.gaps.one" : "admin.gaps.many", gap.communeName(),
                String.join(", ", roles));
        return new GapLine(gap.communeCode(), gap.communeName(), text);
    }

    private static String state(RoutingRule r, LocalDate today) {
        if (r.validTo() != null && r.validTo().isBefore(today)) {
            return "ENDED";
        }
        return r.validFrom().isAfter(today) ? "FUTURE" : "CURRENT";
    }

    /** A role's name in the page's language; a role no label names yet (a new model's) shows its key. */
    String roleLabel(String roleKey) {
        return messages.getMessage("admin.role." + roleKey, null, roleKey, LocaleContextHolder.getLocale());
    }

    private String message(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, args, code, locale);
    }

    private String actor() {
        return users.requireCurrent().username();
    }
}
