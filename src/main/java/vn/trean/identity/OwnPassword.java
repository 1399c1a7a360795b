package vn.trean.identity;

/**
 * A signed-in person replaces their own password (the rules: at least 12 characters, not containing the
 * user name, not a common password). Refusals are {@code InvalidFieldsProblem}s naming
 * {@code currentPassword} or {@code newPassword}.
 */
public interface OwnPassword {

    void change(String username, String currentPassword, String newPassword);
}
