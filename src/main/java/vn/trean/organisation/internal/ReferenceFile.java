package vn.trean.organisation.internal;

import java.util.List;

/**
 * The files of administrative units shipped under {@code reference/} (GSO codes, see
 * {@code SOURCE-vn-admin-units.md}), with the list and level of their rows and the columns they must have.
 */
public enum ReferenceFile {
    PROVINCES_2025("provinces-2025.csv", "V2025", "PROVINCE", "code,name,name_en,type"),
    COMMUNES_2025("communes-2025.csv", "V2025", "COMMUNE", "code,name,name_en,type,province_code"),
    PROVINCES_LEGACY("provinces-legacy.csv", "LEGACY", "PROVINCE", "code,name,name_en,type"),
    DISTRICTS_LEGACY("districts-legacy.csv", "LEGACY", "DISTRICT", "code,name,name_en,type,province_code"),
    COMMUNES_LEGACY("communes-legacy.csv", "LEGACY", "COMMUNE",
            "code,name,name_en,type,district_code,province_code");

    private final String fileName;
    private final String list;
    private final String level;
    private final String header;

    ReferenceFile(String fileName, String list, String level, String header) {
        this.fileName = fileName;
        this.list = list;
        this.level = level;
        this.header = header;
    }

    public String fileName() {
        return fileName;
    }

    public String classpathLocation() {
        return "reference/" + fileName;
    }

    String header() {
        return header;
    }

    /**
     * A row of this file as a locality row: list, code, level, name, name_en, type, parent_code, province_code.
     * A province is its own province and has no parent; a legacy commune's parent is its district.
     */
    List<String> asLocality(String[] r) {
        return switch (this) {
            case PROVINCES_2025, PROVINCES_LEGACY -> java.util.Arrays.asList(list, r[0], level, r[1], r[2], r[3], null, r[0]);
            case COMMUNES_2025, DISTRICTS_LEGACY -> List.of(list, r[0], level, r[1], r[2], r[3], r[4], r[4]);
            case COMMUNES_LEGACY -> List.of(list, r[0], level, r[1], r[2], r[3], r[4], r[5]);
        };
    }

    int columns() {
        return header.split(",").length;
    }
}
