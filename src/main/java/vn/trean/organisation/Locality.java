package vn.trean.organisation;

import java.time.LocalDate;

/** A province, legacy district or commune of one of the two administrative lists. */
public record Locality(AdministrativeList list, String code, Level level, String name, String provinceCode) {

    public enum Level { PROVINCE, DISTRICT, COMMUNE }

    /** The two-tier list in force since 1 Jul 2025, and the legacy three-tier list. */
    public enum AdministrativeList {
        V2025, LEGACY;

        /** The first day of the two-tier list (Decision 19/2025/QĐ-TTg): the district tier ended the day before. */
        public static final LocalDate V2025_IN_FORCE = LocalDate.of(2025, 7, 1);

        /** The list in force on {@code day}: a record of a day before 1 Jul 2025 is a legacy (three-tier) record. */
        public static AdministrativeList inForceOn(LocalDate day) {
            return day.isBefore(V2025_IN_FORCE) ? LEGACY : V2025;
        }
    }
}
