package vn.trean.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access to localities, agencies and the effective-dated routing rules. */
@Service
public class Organisation {

    private static final String AGENCY_COLUMNS = """
            a.id, a.kind, a.name, a.locality_code, l.province_code, a.valid_from, a.valid_to
            from agency a left join locality l on l.list = a.locality_list and l.code = a.locality_code
            """;

    private final JdbcClient jdbc;

    public Organisation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A commune of the current (2025) list. */
    public Optional<Locality> commune(String code) {
        return jdbc.sql("""
                        select list, code, level, name, province_code from locality
                        where list = 'V2025' and level = 'COMMUNE' and code = :code""")
                .param("code", code)
                .query(Organisation::locality)
                .optional();
    }

    /**
     * A commune a new report may be filed for: of the current list and not retired by a newer official
     * list (its earlier cases keep it through {@link #commune}).
     */
    public Optional<Locality> communeInService(String code) {
        return jdbc.sql("""
                        select list, code, level, name, province_code from locality
                        where list = 'V2025' and level = 'COMMUNE' and code = :code and retired_at is null""")
                .param("code", code)
                .query(Organisation::locality)
                .optional();
    }

    /**
     * The communes of the current (2025) list, by province and name: the choices of a report form. A commune
     * that a newer official list no longer has (retired) is not offered; its cases keep it.
     */
    public List<Locality> communes() {
        return jdbc.sql("""
                        select list, code, level, name, province_code from locality
                        where list = 'V2025' and level = 'COMMUNE' and retired_at is null
                        order by province_code, name""")
                .query(Organisation::locality)
                .list();
    }

    /**
     * Code → name of the communes (2025 list) of one province, or of the whole country when the province is
     * null; retired communes included, since their cases still show them.
     */
    public java.util.Map<String, String> communeNames(String provinceCode) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        jdbc.sql("""
                        select code, name from locality
                        where list = 'V2025' and level = 'COMMUNE'
                          and (cast(:province as text) is null or province_code = :province)""")
                .param("province", provinceCode)
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    /** The provinces of the current (2025) list, by code. */
    /** The unit types of the lists (as the national list spells them) and how an official document names them. */
    private static final java.util.Map<String, String> UNIT_TYPES = java.util.Map.ofEntries(
            java.util.Map.entry("municipality", "Thành phố"), java.util.Map.entry("province", "Tỉnh"),
            java.util.Map.entry("ward", "Phường"), java.util.Map.entry("commune", "Xã"),
            java.util.Map.entry("special_zone", "Đặc khu"), java.util.Map.entry("township", "Thị trấn"),
            java.util.Map.entry("urban_district", "Quận"), java.util.Map.entry("rural_district", "Huyện"),
            java.util.Map.entry("district_level_town", "Thị xã"), java.util.Map.entry("provincial_city", "Thành phố"),
            java.util.Map.entry("municipal_city", "Thành phố"));

    /**
     * A unit of today's list by its full name, as an official document writes it: "Phường Ba Đình", "Xã Bát Tràng",
     * "Thành phố Hà Nội", "Tỉnh Cao Bằng". Empty for an unknown code.
     */
    public Optional<String> officialName(String code) {
        return jdbc.sql("select type, name from locality where list = 'V2025' and code = :code")
                .param("code", code)
                .query((rs, row) -> {
                    String type = UNIT_TYPES.get(rs.getString(1));
                    return type == null ? rs.getString(2) : type + " " + rs.getString(2);
                })
                .optional();
    }

    public List<Locality> provinces() {
        return jdbc.sql("""
                        select list, code, level, name, province_code from locality
                        where list = 'V2025' and level = 'PROVINCE' and retired_at is null order by code""")
                .query(Organisation::locality)
                .list();
    }

    /**
     * The commune of today's list that took over a legacy (pre-1 July 2025) commune, where the mapping is
     * known; empty otherwise. A case filed under the legacy commune stays attached to it: this only lets
     * reports roll it up.
     */
    public Optional<Locality> currentCommuneOf(String legacyCommuneCode) {
        return jdbc.sql("""
                        select l.list, l.code, l.level, l.name, l.province_code
                          from locality_succession s
                          join locality l on l.list = s.current_list and l.code = s.current_code
                         where s.legacy_list = 'LEGACY' and s.legacy_code = :code""")
                .param("code", legacyCommuneCode)
                .query(Organisation::locality)
                .optional();
    }

    /**
     * The district labour offices in service on {@code on} of the legacy districts whose communes the commune of
     * today's list took over (by {@code locality_succession}), one per district: who hears of a pre-reform
     * record of the commune. A commune formed across a district border has one of each district (the record does
     * not say in which former commune the child lived); empty where no mapping or no such office is known.
     */
    public List<Agency> legacyDistrictOffices(String communeCode, LocalDate on) {
        return jdbc.sql("select distinct on (a.locality_code) " + AGENCY_COLUMNS + """
                        where a.kind = :kind and a.locality_list = 'LEGACY'
                          and a.locality_code in (
                              select lc.parent_code from locality_succession s
                                join locality lc on lc.list = s.legacy_list and lc.code = s.legacy_code
                               where s.current_list = 'V2025' and s.current_code = :commune and lc.level = 'COMMUNE')
                          and a.valid_from <= :on and (a.valid_to is null or a.valid_to >= :on)
                        order by a.locality_code, a.valid_to desc nulls first, a.id""")
                .param("kind", AgencyKind.DISTRICT_LABOUR_OFFICE.name()).param("commune", communeCode).param("on", on)
                .query(Organisation::agency).list();
    }

    /**
     * The legacy (pre-1 July 2025) district of each commune of today's list in a province, through the legacy
     * communes it took over ({@code locality_succession}): lets reports roll a pre-reform period up by district.
     * A commune that took over legacy communes of several districts belongs to the district of most of them (the
     * lowest code on a tie); a commune without known predecessors is left out.
     */
    public java.util.Map<String, Locality> legacyDistrictsOfCommunes(String provinceCode) {
        java.util.Map<String, Locality> districts = new java.util.HashMap<>();
        jdbc.sql("""
                        select distinct on (s.current_code) s.current_code, d.list, d.code, d.level, d.name, d.province_code
                          from locality_succession s
                          join locality today on today.list = s.current_list and today.code = s.current_code
                          join locality legacy on legacy.list = s.legacy_list and legacy.code = s.legacy_code
                          join locality d on d.list = 'LEGACY' and d.code = legacy.parent_code and d.level = 'DISTRICT'
                         where today.province_code = :province
                         group by s.current_code, d.list, d.code, d.level, d.name, d.province_code
                         order by s.current_code, count(*) desc, d.code""")
                .param("province", provinceCode)
                .query(rs -> {
                    districts.put(rs.getString(1), new Locality(Locality.AdministrativeList.LEGACY, rs.getString(3),
                            Locality.Level.DISTRICT, rs.getString(5), rs.getString(6)));
                });
        return districts;
    }

    private static Locality locality(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Locality(Locality.AdministrativeList.valueOf(rs.getString(1)), rs.getString(2),
                Locality.Level.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5));
    }

    public Optional<Agency> agency(String id) {
        return jdbc.sql("select " + AGENCY_COLUMNS + " where a.id = :id").param("id", id)
                .query(Organisation::agency).optional();
    }

    /** An agency that lies in an administrator's scope: one outside it is as missing (see {@link AdministrationScope}). */
    public Optional<Agency> agencyIn(AdministrationScope scope, String id) {
        return jdbc.sql("select " + AGENCY_COLUMNS + " where a.id = :id and " + AdministrationScope.agencyCondition("a.id"))
                .param("id", id).param("scopeProvince", scope.provinceCode())
                .query(Organisation::agency).optional();
    }

    public List<Agency> agencies() {
        return jdbc.sql("select " + AGENCY_COLUMNS + " order by a.id").query(Organisation::agency).list();
    }

    /** The roles the process may route to (the role keys of the routing rules). */
    public Set<String> roles() {
        return Set.copyOf(jdbc.sql("select distinct role_key from routing_rule").query(String.class).list());
    }

    /**
     * SQL: the rule aliased {@code rule} is the one that decides for a case of province {@code :province} on
     * {@code :on}: a rule of that province, or a nationwide rule when the province has none of that role in
     * force that day. Shared with the gaps check, so that both resolve alike.
     */
    public static String ruleOfProvinceFirst(String rule) {
        return """
                (%1$s.province_code = :province or (%1$s.province_code is null and not exists (
                    select 1 from routing_rule pr
                     where pr.role_key = %1$s.role_key and pr.province_code = :province
                       and pr.valid_from <= :on and (pr.valid_to is null or pr.valid_to >= :on))))""".formatted(rule);
    }

    /**
     * The agency that carries {@code roleKey} for a case of the given commune on the given day, by the
     * routing rule in force that day (the province's own rule of the role, else the nationwide one). Of several agencies of the kind in force (a retiring one and its
     * successor on the retiring one's last day), an open-ended one is preferred, then the one ending last, then the lowest id.
     */
    public Optional<Agency> agencyForRole(String roleKey, String communeCode, String provinceCode, LocalDate on) {
        return jdbc.sql("select " + AGENCY_COLUMNS + """
                        join routing_rule r on r.agency_kind = a.kind
                        where r.role_key = :role and a.locality_list = 'V2025'
                          and r.valid_from <= :on and (r.valid_to is null or r.valid_to >= :on)
                          and """ + ruleOfProvinceFirst("r") + """
                          and a.valid_from <= :on and (a.valid_to is null or a.valid_to >= :on)
                          and case r.scope
                                when 'COMMUNE' then a.locality_code = :commune
                                when 'PROVINCE' then a.locality_code = :province
                                else a.locality_code is null
                              end
                        order by a.valid_to desc nulls first, a.id
                        limit 1""")
                .param("role", roleKey).param("on", on).param("commune", communeCode).param("province", provinceCode)
                .query(Organisation::agency).optional();
    }

    /** The kinds of agency that the routing rules in force on {@code on} give {@code roleKey}, in a commune's scope. */
    public Set<AgencyKind> communeKindsForRole(String roleKey, LocalDate on) {
        return Set.copyOf(jdbc.sql("""
                        select distinct agency_kind from routing_rule
                        where role_key = :role and scope = 'COMMUNE'
                          and valid_from <= :on and (valid_to is null or valid_to >= :on)""")
                .param("role", roleKey).param("on", on)
                .query((rs, i) -> AgencyKind.valueOf(rs.getString(1))).list());
    }

    /**
     * The agencies in service on {@code on} of the given kinds that serve a commune (of today's list, not
     * retired) of the province, by commune and name: who a province may ask to carry a commune's steps.
     */
    public List<Agency> communeAgenciesInService(String provinceCode, Set<AgencyKind> kinds, LocalDate on) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + AGENCY_COLUMNS + """
                        where a.locality_list = 'V2025' and l.level = 'COMMUNE' and l.retired_at is null
                          and l.province_code = :province and a.kind in (:kinds)
                          and a.valid_from <= :on and (a.valid_to is null or a.valid_to >= :on)
                        order by a.locality_code, a.name, a.id""")
                .param("province", provinceCode).param("kinds", kinds.stream().map(Enum::name).toList())
                .param("on", on)
                .query(Organisation::agency).list();
    }

    private static Agency agency(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var validTo = rs.getDate("valid_to");
        return new Agency(rs.getString("id"), AgencyKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("locality_code"), rs.getString("province_code"),
                rs.getDate("valid_from").toLocalDate(), validTo == null ? null : validTo.toLocalDate());
    }

    /** The national agency of the installation's administrators, created the first time it is needed. */
    public static final String ADMINISTRATION_AGENCY_ID = "system-administration";

    /** Makes sure the administrators' agency exists (it has no locality and no routing rule names its kind). */
    public Agency administrationAgency(LocalDate since) {
        jdbc.sql("""
                        insert into agency (id, kind, name, locality_code, valid_from)
                        values (:id, :kind, 'Quản trị hệ thống', null, :from)
                        on conflict (id) do nothing""")
                .param("id", ADMINISTRATION_AGENCY_ID).param("kind", AgencyKind.SYSTEM_ADMINISTRATION.name())
                .param("from", since).update();
        return agency(ADMINISTRATION_AGENCY_ID).orElseThrow();
    }

    // --- issue 11 item 7: the communes a report form offers -----------------------------------------

    /**
     * A commune a report can be filed for today: of today's list, not retired, and reached by someone — its own
     * child-protection officer ({@code staffed}), or else the province department, which assigns a receiving agency
     * (issue 8 item 9). Resolved by the same routing rules as {@link #agencyForRole}.
     */
    public record ReceivingCommune(Locality commune, String provinceName, boolean staffed) {
    }

    /** Every commune a report can reach on {@code on} (see {@link ReceivingCommune}), in no particular order. */
    public List<ReceivingCommune> communesReceivingReports(String officerRole, String fallbackRole, LocalDate on) {
        return jdbc.sql("""
                        select l.list, l.code, l.level, l.name, l.province_code, p.name as province_name,
                               %1$s as staffed
                          from locality l
                          left join locality p on p.list = 'V2025' and p.level = 'PROVINCE' and p.code = l.province_code
                         where l.list = 'V2025' and l.level = 'COMMUNE' and l.retired_at is null
                           and (%1$s or %2$s)""".formatted(servedBy(":officerRole"), servedBy(":fallbackRole")))
                .param("officerRole", officerRole).param("fallbackRole", fallbackRole).param("on", on)
                .query((rs, i) -> new ReceivingCommune(locality(rs, i), rs.getString("province_name"),
                        rs.getBoolean("staffed")))
                .list();
    }

    /** SQL: an agency in service carries {@code role} for the commune {@code l} on {@code :on}, as {@link #agencyForRole} resolves it. */
    private static String servedBy(String role) {
        return """
                exists (select 1 from agency a join routing_rule r on r.agency_kind = a.kind
                         where r.role_key = %s and a.locality_list = 'V2025'
                           and r.valid_from <= :on and (r.valid_to is null or r.valid_to >= :on)
                           and %s
                           and a.valid_from <= :on and (a.valid_to is null or a.valid_to >= :on)
                           and case r.scope
                                 when 'COMMUNE' then a.locality_code = l.code
                                 when 'PROVINCE' then a.locality_code = l.province_code
                                 else a.locality_code is null
                               end)""".formatted(role, ruleOfProvinceFirst("r").replace(":province", "l.province_code"));
    }
}
