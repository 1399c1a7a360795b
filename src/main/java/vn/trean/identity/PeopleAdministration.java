package vn.trean.identity;

import java.util.List;
import java.util.Optional;

/**
 * What the administration pages do with people: the same rules and audit as the JSON API
 * ({@code /api/admin/users}). Refusals are {@code InvalidFieldsProblem}s naming the field, or {@code ApiProblem}s.
 * A one-time password is returned once and never stored in the clear.
 */
public interface PeopleAdministration {

    record Person(String username, String displayName, String email, Role role, String agencyId, boolean enabled,
                  boolean mustChangePassword) {
    }

    record PersonDetails(String displayName, String email, Role role, String agencyId) {
    }

    record WithPassword(Person person, String oneTimePassword) {
    }

    /** Filtered by agency and role (either may be null) and by a text found in the user name, name or e-mail. */
    List<Person> people(String agencyId, Role role, String text);

    Optional<Person> person(String username);

    /** Validates every field as the API does (user name format, lengths, e-mail, known agency) before it writes. */
    WithPassword create(String username, String displayName, String email, String role, String agencyId, String actor);

    Person update(String username, String displayName, String email, String role, String agencyId, String actor);

    void disable(String username, String actor);

    void enable(String username, String actor);

    WithPassword resetPassword(String username, String actor);
}
