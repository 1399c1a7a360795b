package vn.trean.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.identity.UserDirectory;
import vn.trean.identity.OwnPassword;

/** The signed-in person's own account. */
@RestController
@Tag(name = "Account", description = "Tài khoản của tôi / my account")
class AccountController {

    private final OwnPassword password;
    private final UserDirectory users;

    AccountController(OwnPassword password, UserDirectory users) {
        this.password = password;
        this.users = users;
    }

    record PasswordChange(@NotBlank @Size(max = 200) String currentPassword, @NotBlank @Size(max = 200) String newPassword) {
    }

    @PostMapping("/api/account/password")
    @Operation(summary = "Change my password", description = "At least 12 characters, not containing the user name, not a "
            + "common password. Ends the obligation to change a one-time password.")
    ResponseEntity<Void> change(@Valid @RequestBody PasswordChange request) {
        password.change(users.requireCurrent().username(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }
}
