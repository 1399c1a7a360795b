package vn.trean.identity;

/**
 * Changes to the people of Trẻ An, published inside the transaction that makes them so that the audit log
 * records each one with it. Never a password nor its hash.
 */
public final class IdentityEvents {

    private IdentityEvents() {
    }

    /** What an administrator sees and changes of a user; the before and after of the audit log. */
    public record UserSnapshot(String displayName, String email, Role role, String agencyId, boolean enabled) {
    }

    public record UserCreated(String actor, String username, UserSnapshot after) {
    }

    public record UserUpdated(String actor, String username, UserSnapshot before, UserSnapshot after) {
    }

    /** The user may no longer sign in; the workflow releases the tasks they had claimed. */
    public record UserDisabled(String actor, String username) {
    }

    public record UserEnabled(String actor, String username) {
    }

    /** An administrator gave the user a new one-time password (its value is not here). */
    public record PasswordReset(String actor, String username) {
    }

    /** The user chose a new password themselves. */
    public record PasswordChanged(String username) {
    }

    /**
     * Users or their agencies or roles changed: the engine's users and groups are rebuilt. Published with
     * every change above; listened to after the commit.
     */
    public record UsersChanged() {
    }
}
