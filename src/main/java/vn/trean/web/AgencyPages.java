package vn.trean.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.trean.identity.UserDirectory;
import vn.trean.organisation.AdministrationScopes;
import vn.trean.organisation.AgencyKind;
import vn.trean.organisation.AgencyWork.OpenTask;
import vn.trean.organisation.Locality;
import vn.trean.organisation.Organisation;
import vn.trean.organisation.OrganisationAdministration;
import vn.trean.organisation.OrganisationAdministration.AgencyEntry;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.ListingProblem;

/**
 * The agencies of a province and its communes: list, create, rename, end, retire, and hand open tasks to
 * another agency before retiring. Plain form posts through the same service as the API (same checks, same
 * audit); who may come here is the security rules' decision.
 */
@Controller
class AgencyPages {

    private static final String CODE = "[0-9]{2,5}";
    private static final Map<String, String> FORM_FIELDS = Map.of("localityCode", "locality");
    /** The choice, in place of a province and a commune, of the agencies of the whole country (the 111 hotline). */
    static final String NATIONAL = "national";

    private final OrganisationAdministration administration;
    private final Organisation organisation;
    private final UserDirectory users;
    private final MessageSource messages;
    private final AdministrationScopes scopes;

    AgencyPages(OrganisationAdministration administration, Organisation organisation, UserDirectory users,
                MessageSource messages, AdministrationScopes scopes) {
        this.administration = administration;
        this.organisation = organisation;
        this.users = users;
        this.messages = messages;
        this.scopes = scopes;
    }

    /** Where the page lists and creates agencies: a province or commune, or (for {@link #NATIONAL}) none. */
    record Place(String code, String name, List<AgencyKind> kinds, String localityCode) {
    }

    /** The national agencies are the installation's administrators' to set up, not a province's. */
    private Optional<Place> national(String province, String locality) {
        if (!NATIONAL.equals(province) || !scopes.current().isNationwide() || (locality != null && !NATIONAL.equals(locality))) {
            return Optional.empty();
        }
        List<AgencyKind> kinds = Arrays.stream(AgencyKind.values()).filter(k -> k.tier() == AgencyKind.Tier.NATIONAL).toList();
        return Optional.of(new Place(NATIONAL, messages.getMessage("admin.agencies.national", null, NATIONAL,
                org.springframework.context.i18n.LocaleContextHolder.getLocale()), kinds, null));
    }

    /** What the create form holds when it is shown again. */
    record AgencyForm(String kind, String name, String validFrom, String validTo) {
        static final AgencyForm EMPTY = new AgencyForm("", "", "", "");
    }

    @GetMapping("/admin/agencies")
    String list(@RequestParam(required = false) String province, @RequestParam(required = false) String locality,
                Model model) {
        return listPage(province, locality, AgencyForm.EMPTY, new FormErrors(messages), model);
    }

    @PostMapping("/admin/agencies")
    String create(@RequestParam(defaultValue = "") String province, @RequestParam(defaultValue = "") String locality,
                  @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String validFrom, @RequestParam(defaultValue = "") String validTo,
                  Model model) {
        AgencyForm form = new AgencyForm(kind, name, validFrom, validTo);
        FormErrors errors = new FormErrors(messages);
        Optional<Place> place = national(province, locality).or(() -> locality(province, locality)
                .map(l -> new Place(l.code(), l.name(), kindsFor(l), l.code())));
        if (place.isEmpty()) {
            errors.add("locality", "admin.agencies.choose-locality");
        }
        AgencyKind chosen = Arrays.stream(AgencyKind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .filter(k -> place.isEmpty() || place.get().kinds().contains(k)).orElse(null);
        if (chosen == null) {
            errors.add("kind", "admin.agencies.choose-kind");
        }
        if (name.isBlank() || name.strip().length() > 200) {
            errors.add("name", "admin.agencies.name-required");
        }
        LocalDate from = AdminDates.parse("validFrom", validFrom, errors);
        LocalDate to = AdminDates.parse("validTo", validTo, errors);
        if (errors.isEmpty()) {
            try {
                AgencyEntry created = administration.createAgency(chosen, name, place.get().localityCode(), from, to,
                        actor());
                return "redirect:" + UriComponentsBuilder.fromPath("/admin/agencies").queryParam("province", province)
                        .queryParam("locality", locality).queryParam("created", created.id()).build().encode()
                        .toUriString();
            } catch (InvalidFieldsProblem problem) {
                errors.addAll(problem, FORM_FIELDS);
            }
        }
        return listPage(province, locality, form, errors, model);
    }

    @GetMapping("/admin/agencies/{id}")
    String agency(@PathVariable String id, Model model) {
        return agencyPage(find(id), List.of(), new FormErrors(messages), null, model);
    }

    @PostMapping("/admin/agencies/{id}")
    String update(@PathVariable String id, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String validTo, Model model) {
        AgencyEntry agency = find(id);
        FormErrors errors = new FormErrors(messages);
        if (name.isBlank() || name.strip().length() > 200) {
            errors.add("name", "admin.agencies.name-required");
        }
        LocalDate to = AdminDates.parse("validTo", validTo, errors);
        if (errors.isEmpty()) {
            try {
                administration.updateAgency(id, name, to, actor());
                return "redirect:/admin/agencies/" + id + "?saved";
            } catch (InvalidFieldsProblem problem) {
                errors.addAll(problem, Map.of());
            } catch (ListingProblem problem) {
                return refused(agency, problem, model);
            }
        }
        model.addAttribute("edit", Map.of("name", name, "validTo", validTo));
        return agencyPage(agency, List.of(), errors, null, model);
    }

    @PostMapping("/admin/agencies/{id}/retire")
    String retire(@PathVariable String id, @RequestParam(defaultValue = "") String lastDay, Model model) {
        AgencyEntry agency = find(id);
        FormErrors errors = new FormErrors(messages);
        LocalDate on = AdminDates.parse("lastDay", lastDay, errors);
        if (errors.isEmpty()) {
            try {
                administration.retireAgency(id, on, actor());
                return "redirect:/admin/agencies/" + id + "?retired";
            } catch (InvalidFieldsProblem problem) {
                errors.addAll(problem, Map.of("validTo", "lastDay"));
            } catch (ListingProblem problem) {
                return refused(agency, problem, model);
            }
        }
        return agencyPage(agency, List.of(), errors, null, model);
    }

    @PostMapping("/admin/agencies/{id}/move-open-tasks")
    String move(@PathVariable String id, @RequestParam(defaultValue = "") String toAgencyId, Model model) {
        AgencyEntry agency = find(id);
        FormErrors errors = new FormErrors(messages);
        if (toAgencyId.isBlank()) {
            errors.add("toAgencyId", "admin.agencies.choose-target");
        } else {
            try {
                int moved = administration.moveOpenTasks(id, toAgencyId, actor()).size();
                return "redirect:/admin/agencies/" + id + "?moved=" + moved;
            } catch (InvalidFieldsProblem problem) {
                errors.addAll(problem, Map.of());
            }
        }
        return agencyPage(agency, administration.openTasksOf(id), errors, null, model);
    }

    /** The service refused to end the agency while it has open tasks: show them, and where to move them. */
    private String refused(AgencyEntry agency, ListingProblem problem, Model model) {
        if (!"agency-has-open-tasks".equals(problem.code())) {
            throw problem;
        }
        List<OpenTask> open = problem.items().stream().filter(OpenTask.class::isInstance).map(OpenTask.class::cast)
                .toList();
        String refusal = messages.getMessage("admin.agencies.open-tasks", new Object[] {agency.name(), open.size()},
                org.springframework.context.i18n.LocaleContextHolder.getLocale());
        return agencyPage(agency, open, new FormErrors(messages), refusal, model);
    }

    private String agencyPage(AgencyEntry agency, List<OpenTask> openTasks, FormErrors errors, String refusal,
                              Model model) {
        LocalDate today = today();
        model.addAttribute("agency", agency);
        model.addAttribute("status", status(agency, today));
        model.addAttribute("openTasks", openTasks);
        model.addAttribute("refusal", refusal);
        model.addAttribute("errors", errors.asMap());
        if (!model.containsAttribute("edit")) {
            model.addAttribute("edit", Map.of("name", agency.name(), "validTo", AdminDates.show(agency.validTo())));
        }
        // the agencies of the same place that serve today, those of the same kind first
        model.addAttribute("moveTargets", openTasks.isEmpty() && !errors.asMap().containsKey("toAgencyId") ? List.of()
                : administration.agencies(agency.localityCode()).stream()
                .filter(a -> !a.id().equals(agency.id()) && a.inServiceOn(today)
                        && a.localityList().equals(agency.localityList()))
                .sorted(Comparator.comparing((AgencyEntry a) -> a.kind() != agency.kind()).thenComparing(AgencyEntry::name))
                .toList());
        // a national agency (no locality) goes back to the national list
        model.addAttribute("provinceCode", agency.localityCode() == null ? NATIONAL
                : agency.provinceCode() == null ? agency.localityCode() : agency.provinceCode());
        return "admin-agency";
    }

    private String listPage(String province, String locality, AgencyForm form, FormErrors errors, Model model) {
        List<Locality> provinces = administration.administeredProvinces();
        model.addAttribute("provinces", provinces);
        model.addAttribute("nationalChoice", scopes.current().isNationwide());
        LocalDate today = today();
        Optional<Place> national = national(province, locality);
        if (national.isPresent()) {
            model.addAttribute("province", national.get());
            model.addAttribute("communes", List.of());
            model.addAttribute("place", national.get());
            model.addAttribute("kinds", national.get().kinds());
            model.addAttribute("agencies", administration.agencies(null).stream().filter(a -> a.localityCode() == null)
                    .map(a -> new Row(a, status(a, today))).toList());
        } else {
            Optional<Locality> chosenProvince = provinces.stream().filter(p -> p.code().equals(province)).findFirst();
            model.addAttribute("province", chosenProvince.orElse(null));
            model.addAttribute("communes", chosenProvince.isEmpty() ? List.of() : organisation.communes().stream()
                    .filter(c -> c.provinceCode().equals(province)).toList());
            Optional<Locality> place = locality(province, locality);
            model.addAttribute("place", place.orElse(null));
            model.addAttribute("kinds", place.map(AgencyPages::kindsFor).orElse(List.of()));
            model.addAttribute("agencies", place.map(p -> administration.agencies(p.code()).stream()
                    .filter(a -> "V2025".equals(a.localityList()))
                    .map(a -> new Row(a, status(a, today))).toList()).orElse(List.of()));
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        return "admin-agencies";
    }

    /**
     * An agency and whether it serves today: IN_SERVICE, ENDING (retired, but serving until its last day, today
     * or later: tasks are still routed to it until then), RETIRED or FUTURE.
     */
    record Row(AgencyEntry agency, String status) {
    }

    private static String status(AgencyEntry a, LocalDate today) {
        if (a.validTo() != null && a.validTo().isBefore(today)) {
            return "RETIRED";
        }
        if (a.validFrom().isAfter(today)) {
            return "FUTURE";
        }
        return a.validTo() == null ? "IN_SERVICE" : "ENDING";
    }

    /** The province itself (its own agencies) or one of its communes of today's list. */
    private Optional<Locality> locality(String province, String code) {
        if (province == null || code == null || !code.matches(CODE)) {
            return Optional.empty();
        }
        if (code.equals(province)) {
            return administration.administeredProvinces().stream().filter(p -> p.code().equals(code)).findFirst();
        }
        return organisation.communeInService(code).filter(c -> c.provinceCode().equals(province));
    }

    /** The kinds whose agencies serve a place of this level. */
    private static List<AgencyKind> kindsFor(Locality place) {
        AgencyKind.Tier tier = place.level() == Locality.Level.PROVINCE ? AgencyKind.Tier.PROVINCE : AgencyKind.Tier.COMMUNE;
        return Arrays.stream(AgencyKind.values()).filter(k -> k.tier() == tier).toList();
    }

    private AgencyEntry find(String id) {
        return administration.agency(id).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
    }

    private String actor() {
        return users.requireCurrent().username();
    }

    static LocalDate today() {
        return LocalDate.now(PageFormat.VIETNAM);
    }
}
