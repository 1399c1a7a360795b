package vn.trean.identity;

/** A user as other modules (the engine's group projection) see it: no password. */
public record DirectoryUser(String username, String displayName, String email, Role role, String agencyId,
                            boolean enabled) {
}
