package vn.trean.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import vn.trean.organisation.AgencyKind;
import vn.trean.problem.ApiProblem;
import vn.trean.organisation.AgencyWork.OpenTask;
import vn.trean.organisation.RoutingRule;
import vn.trean.organisation.RoutingRule.Scope;
import vn.trean.organisation.internal.AgencyAdministration;
import vn.trean.organisation.OrganisationAdministration.AgencyEntry;
import vn.trean.organisation.internal.RoutingAdministration;
import vn.trean.organisation.OrganisationAdministration.Gap;

/**
 * Administrators manage agencies and routing rules (the security rules admit ADMIN and PROVINCE_ADMIN here); the
 * services keep a province administrator to their own province.
 * The actor of the audit log is the signed-in principal's name (this module may not depend on identity).
 */
@RestController
@Tag(name = "Organisation", description = "Cơ quan và quy tắc phân công / agencies and routing rules")
class OrganisationAdminController {

    private static final String LOCALITY = "[0-9]{2,5}";

    private final AgencyAdministration agencies;
    private final RoutingAdministration routing;

    OrganisationAdminController(AgencyAdministration agencies, RoutingAdministration routing) {
        this.agencies = agencies;
        this.routing = routing;
    }

    /** A new agency; without validFrom it serves from today. localityCode is absent for national kinds. */
    record NewAgency(@NotNull AgencyKind kind, @NotBlank @Size(max = 200) String name,
                     @Pattern(regexp = LOCALITY) String localityCode, LocalDate validFrom, LocalDate validTo) {
    }

    /** A rename, and the agency's last day (null: open-ended). */
    record AgencyUpdate(@NotBlank @Size(max = 200) String name, LocalDate validTo) {
    }

    /** The agency's last day; today when absent. */
    record Retirement(LocalDate validTo) {
    }

    record TaskMove(@NotBlank @Size(max = 100) String toAgencyId) {
    }

    record MovedTasks(String fromAgencyId, String toAgencyId, List<OpenTask> moved) {
    }

    /** provinceCode: the province the rule holds for; absent: every province (a province administrator's: theirs). */
    record NewRule(@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,62}") String roleKey, @NotNull AgencyKind agencyKind,
                   @NotNull Scope scope, @NotNull LocalDate validFrom, LocalDate validTo,
                   @Pattern(regexp = "[0-9]{2}") String provinceCode) {
    }

    record RuleEnd(LocalDate validTo) {
    }

    record Gaps(String province, LocalDate on, List<Gap> communes) {
    }

    @GetMapping("/api/admin/agencies")
    @Operation(summary = "Agencies of a locality (any list), or all, with their valid-from and valid-to days",
            description = "A province administrator gets the agencies of their own province only.")
    List<AgencyEntry> list(@RequestParam(required = false) @Pattern(regexp = LOCALITY) String locality) {
        return agencies.list(locality);
    }

    @PostMapping("/api/admin/agencies")
    @Operation(summary = "Create an agency",
            description = "Commune kinds name a commune of the 2025 list, provincial kinds a province, "
                    + "DISTRICT_LABOUR_OFFICE a district of the legacy list; HOTLINE and SYSTEM_ADMINISTRATION none. "
                    + "The id is made from the kind and the locality (school-00025, school-00025-2, ...).")
    ResponseEntity<AgencyEntry> create(@Valid @RequestBody NewAgency request, Principal principal) {
        AgencyEntry created = agencies.create(request.kind(), request.name(), request.localityCode(),
                request.validFrom(), request.validTo(), principal.getName());
        return ResponseEntity.created(URI.create("/api/admin/agencies/" + created.id())).body(created);
    }

    @GetMapping("/api/admin/agencies/{id}")
    @Operation(summary = "One agency", description = "404 when missing, or outside a province administrator's province.")
    AgencyEntry agency(@PathVariable String id) {
        return agencies.find(id).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
    }

    @PutMapping("/api/admin/agencies/{id}")
    @Operation(summary = "Rename an agency and set its last day", description = "Ending it is refused (409) while it has open tasks.")
    AgencyEntry update(@PathVariable String id, @Valid @RequestBody AgencyUpdate request, Principal principal) {
        return agencies.update(id, request.name(), request.validTo(), principal.getName());
    }

    @PostMapping("/api/admin/agencies/{id}/retire")
    @Operation(summary = "Retire an agency on a day (today by default)",
            description = "Refused (409, agency-has-open-tasks) with the list of its open tasks in openTasks: move them first.")
    AgencyEntry retire(@PathVariable String id, @Valid @RequestBody(required = false) Retirement request,
                       Principal principal) {
        return agencies.retire(id, request == null ? null : request.validTo(), principal.getName());
    }

    @PostMapping("/api/admin/agencies/{id}/move-open-tasks")
    @Operation(summary = "Hand every open task of an agency to another agency in service",
            description = "The new agency gets the tasks and need-to-know access to their cases; claims are released.")
    MovedTasks move(@PathVariable String id, @Valid @RequestBody TaskMove request, Principal principal) {
        return new MovedTasks(id, request.toAgencyId(), agencies.moveOpenTasks(id, request.toAgencyId(), principal.getName()));
    }

    @GetMapping("/api/admin/routing")
    @Operation(summary = "Every routing rule: which agency kind carries a role, in which scope, from when to when, "
            + "for which province (null: nationwide; a province's rule wins there over the nationwide one)")
    List<RoutingRule> rules() {
        return routing.rules();
    }

    @PostMapping("/api/admin/routing")
    @Operation(summary = "Add a routing rule",
            description = "Refused (409, routing-rule-overlaps) when a rule of the same role and scope overlaps its "
                    + "period: end that rule first (PUT /api/admin/routing/{id}). Applies to tasks created from validFrom.")
    ResponseEntity<RoutingRule> addRule(@Valid @RequestBody NewRule request, Principal principal) {
        RoutingRule added = routing.add(request.roleKey(), request.agencyKind(), request.scope(), request.validFrom(),
                request.validTo(), request.provinceCode(), principal.getName());
        return ResponseEntity.created(URI.create("/api/admin/routing/" + added.id())).body(added);
    }

    @PutMapping("/api/admin/routing/{id}")
    @Operation(summary = "Set (or clear) a routing rule's last day")
    RoutingRule endRule(@PathVariable long id, @Valid @RequestBody RuleEnd request, Principal principal) {
        return routing.end(id, request.validTo(), principal.getName());
    }

    @GetMapping("/api/admin/routing/gaps")
    @Operation(summary = "Communes of a province where some role resolves to no agency on a day (today by default)")
    Gaps gaps(@RequestParam @Pattern(regexp = "[0-9]{2}") String province,
              @RequestParam(required = false) LocalDate on) {
        LocalDate day = on == null ? LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")) : on;
        return new Gaps(province, day, routing.gaps(province, day));
    }
}
