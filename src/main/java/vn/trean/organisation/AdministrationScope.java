package vn.trean.organisation;

import java.util.Objects;

/**
 * What an administrator may administer: the whole country (an administrator of the installation), or one
 * province of the 2025 list (a province administrator). The one place that says which agencies lie in a
 * province; the administration services of {@code organisation} and {@code identity} all ask it, so that an
 * agency, a user or a rule outside the scope answers exactly like a missing one.
 *
 * @param provinceCode the province (2025 list); null for the whole country
 */
public record AdministrationScope(String provinceCode) {

    public static final AdministrationScope NATIONWIDE = new AdministrationScope(null);

    /**
     * The agencies of a province: those of its communes and of the province itself (2025 list), and the legacy
     * district offices whose district had a commune that a commune of the province took over (when that
     * mapping is known; otherwise a legacy agency belongs to no province and only the nationwide scope has it).
     * Binds {@code :scopeProvince}.
     */
    private static final String AGENCIES_OF_PROVINCE = """
            select sa.id from agency sa join locality sl on sl.list = sa.locality_list and sl.code = sa.locality_code
             where (sa.locality_list = 'V2025' and sl.province_code = :scopeProvince)
                or (sa.locality_list = 'LEGACY' and exists (
                        select 1 from locality lc
                          join locality_succession s on s.legacy_list = lc.list and s.legacy_code = lc.code
                          join locality cc on cc.list = s.current_list and cc.code = s.current_code
                         where lc.list = 'LEGACY' and (lc.code = sa.locality_code or lc.parent_code = sa.locality_code)
                           and cc.province_code = :scopeProvince))""";

    public static AdministrationScope province(String provinceCode) {
        return new AdministrationScope(Objects.requireNonNull(provinceCode));
    }

    public boolean isNationwide() {
        return provinceCode == null;
    }

    /**
     * An SQL condition, true when the agency whose id is in {@code agencyIdColumn} lies in this scope; the
     * statement must bind {@code scopeProvince} to {@link #provinceCode()}.
     */
    public static String agencyCondition(String agencyIdColumn) {
        return "(cast(:scopeProvince as text) is null or " + agencyIdColumn + " in (" + AGENCIES_OF_PROVINCE + "))";
    }

    /** Whether a routing rule of a province (null: nationwide) is this scope's to see and change. */
    public boolean coversRule(String ruleProvinceCode) {
        return isNationwide() || provinceCode.equals(ruleProvinceCode);
    }

    /** Whether a locality of the 2025 list, in the given province, is this scope's. */
    public boolean coversProvince(String localityProvinceCode) {
        return isNationwide() || provinceCode.equals(localityProvinceCode);
    }
}
