package vn.trean.oversight;

import java.util.Optional;
import vn.trean.identity.CurrentUser;

/**
 * The area a user oversees, decided once for the board and the statistics: a province supervisor (and the process
 * owners and administrators, who look after the province's models and people) their province; a commune chairman
 * or officer their commune. Exactly one of the two codes is set. Anyone else oversees nothing.
 */
public record SupervisedArea(String communeCode, String provinceCode) {

    public static Optional<SupervisedArea> of(CurrentUser user) {
        return switch (user.role()) {
            case PROVINCE_SUPERVISOR, PROCESS_OWNER, ADMIN -> Optional.of(new SupervisedArea(null, user.provinceCode()));
            case COMMUNE_CHAIRMAN, COMMUNE_OFFICER -> Optional.of(new SupervisedArea(user.localityCode(), null));
            default -> Optional.empty();
        };
    }

    public boolean isCommune() {
        return communeCode != null;
    }
}
