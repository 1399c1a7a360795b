package vn.trean.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.identity.Role;
import vn.trean.identity.UserDirectory;
import vn.trean.identity.internal.UserAdministration;
import vn.trean.identity.internal.UserAdministration.AdminUser;
import vn.trean.identity.internal.UserAdministration.Details;
import vn.trean.identity.internal.UserAdministration.WithOneTimePassword;
import vn.trean.problem.ApiProblem;

/**
 * Administrators manage people: create, edit, disable, re-enable, reset a password (the security rules admit ADMIN
 * and PROVINCE_ADMIN; the service keeps a province administrator to the people of their province).
 */
@RestController
@Tag(name = "Users", description = "Người dùng / people: role, agency, one-time passwords")
class UserAdministrationController {

    private final UserAdministration administration;
    private final UserDirectory users;

    UserAdministrationController(UserAdministration administration, UserDirectory users) {
        this.administration = administration;
        this.users = users;
    }

    record NewUser(
            @NotBlank @Pattern(regexp = "[a-z0-9._-]{3,64}") String username,
            @NotBlank @Size(max = 200) String displayName,
            @Email @Size(max = 200) String email,
            @NotNull Role role,
            @NotBlank @Size(max = 100) String agencyId) {
    }

    record UserChange(
            @NotBlank @Size(max = 200) String displayName,
            @Email @Size(max = 200) String email,
            @NotNull Role role,
            @NotBlank @Size(max = 100) String agencyId) {
    }

    /** A user with the one-time password: the only time it is shown. */
    record UserWithPassword(String username, String displayName, String email, Role role, String agencyId, boolean enabled,
                            boolean mustChangePassword, String oneTimePassword) {
        static UserWithPassword of(WithOneTimePassword created) {
            AdminUser u = created.user();
            return new UserWithPassword(u.username(), u.displayName(), u.email(), u.role(), u.agencyId(), u.enabled(),
                    u.mustChangePassword(), created.oneTimePassword());
        }
    }

    @GetMapping("/api/admin/users")
    @Operation(summary = "Users, optionally of one agency and/or one role (never a password hash)",
            description = "A province administrator gets the people of their province only, without administrators "
                    + "and process owners.")
    List<AdminUser> list(@RequestParam(required = false) String agency, @RequestParam(required = false) Role role) {
        return administration.users(agency, role);
    }

    @GetMapping("/api/admin/users/{username}")
    @Operation(summary = "One user", description = "404 when missing, or not a province administrator's to manage.")
    AdminUser user(@PathVariable String username) {
        return administration.user(username).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
    }

    @PostMapping("/api/admin/users")
    @Operation(summary = "Create a user with a one-time password",
            description = "The answer holds the one-time password: the only time it is shown. The user must change it "
                    + "(POST /api/account/password) before any other API call. A name taken by a user or an integration: 409.")
    ResponseEntity<UserWithPassword> create(@Valid @RequestBody NewUser request) {
        WithOneTimePassword created = administration.create(request.username(),
                new Details(request.displayName(), request.email(), request.role(), request.agencyId()), actor());
        return ResponseEntity.created(URI.create("/api/admin/users/" + request.username()))
                .cacheControl(CacheControl.noStore()).body(UserWithPassword.of(created));
    }

    @PutMapping("/api/admin/users/{username}")
    @Operation(summary = "Change a user's name, e-mail, role and agency")
    AdminUser update(@PathVariable String username, @Valid @RequestBody UserChange request) {
        return administration.update(username,
                new Details(request.displayName(), request.email(), request.role(), request.agencyId()), actor());
    }

    @PostMapping("/api/admin/users/{username}/disable")
    @Operation(summary = "Disable a user", description = "Refused at once on every node; their sessions end and the tasks "
            + "they claimed go back to their agency's list. Their history stays.")
    ResponseEntity<Void> disable(@PathVariable String username) {
        administration.disable(username, actor());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/admin/users/{username}/enable")
    @Operation(summary = "Re-enable a user")
    ResponseEntity<Void> enable(@PathVariable String username) {
        administration.enable(username, actor());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/admin/users/{username}/reset-password")
    @Operation(summary = "Give a user a new one-time password", description = "Shown once; the old password stops working "
            + "and the user must change the new one before any other API call.")
    ResponseEntity<UserWithPassword> resetPassword(@PathVariable String username) {
        WithOneTimePassword reset = administration.resetPassword(username, actor());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(UserWithPassword.of(reset));
    }

    private String actor() {
        return users.requireCurrent().username();
    }
}
