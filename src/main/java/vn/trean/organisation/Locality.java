package vn.trean.organisation;

/** A province, legacy district or commune of one of the two administrative lists. */
public record Locality(AdministrativeList list, String code, Level level, String name, String provinceCode) {

    public enum Level { PROVINCE, DISTRICT, COMMUNE }

    /** The two-tier list in force since 1 Jul 2025, and the legacy three-tier list. */
    public enum AdministrativeList { V2025, LEGACY }
}
