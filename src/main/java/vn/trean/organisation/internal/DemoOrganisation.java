package vn.trean.organisation.internal;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.organisation.AgencyKind;

/**
 * The demo organisation: Hà Nội and three of its communes, each with the agencies the procedure names,
 * the province's supervising department before and after the 2025 reform, the hotline 111, and one legacy
 * district's labour office.
 */
@Component
@Order(11)
@ConditionalOnProperty(name = "trean.demo.enabled", havingValue = "true")
class DemoOrganisation implements ApplicationRunner {

    static final String PROVINCE = "01";
    static final List<String> COMMUNES = List.of("00004", "00008", "00025");
    /** The district Ba Đình and its ward Giảng Võ in the legacy (pre-1 Jul 2025) list. */
    static final String LEGACY_BA_DINH = "001";
    static final String LEGACY_GIANG_VO = "00031";

    private final JdbcClient jdbc;

    DemoOrganisation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (String commune : COMMUNES) {
            String name = jdbc.sql("select name from locality where list = 'V2025' and code = :c")
                    .param("c", commune).query(String.class).single();
            add("committee-" + commune, AgencyKind.PEOPLES_COMMITTEE, "UBND phường " + name, commune, "2016-06-01", null);
            add("child-protection-" + commune, AgencyKind.CHILD_PROTECTION_OFFICER,
                    "Cán bộ bảo vệ trẻ em phường " + name, commune, "2016-06-01", null);
            add("police-" + commune, AgencyKind.POLICE, "Công an phường " + name, commune, "2016-06-01", null);
            add("school-" + commune, AgencyKind.SCHOOL, "Trường Tiểu học phường " + name, commune, "2016-06-01", null);
            add("health-station-" + commune, AgencyKind.HEALTH_STATION, "Trạm Y tế phường " + name, commune,
                    "2016-06-01", null);
        }
        // Ba Đình's village collaborators (issue 9, item 5): the demo's ctv.badinh files short reports from here
        add("collaborators-00004", AgencyKind.VILLAGE_COLLABORATOR, "Cộng tác viên bảo vệ trẻ em phường Ba Đình",
                "00004", "2016-06-01", null);
        add("labour-dept-" + PROVINCE, AgencyKind.PROVINCE_LABOUR_DEPT, "Sở Lao động - Thương binh và Xã hội Hà Nội",
                PROVINCE, "2016-06-01", "2025-02-28");
        add("health-dept-" + PROVINCE, AgencyKind.PROVINCE_HEALTH_DEPT, "Sở Y tế Hà Nội", PROVINCE, "2025-03-01", null);
        add("hotline-111", AgencyKind.HOTLINE, "Tổng đài điện thoại quốc gia bảo vệ trẻ em 111", null, "2004-06-01", null);
        addLegacyDistrictOffice();
    }

    /**
     * One legacy district for the records of before 1 Jul 2025 (issue 9, item 2): the former ward Giảng Võ of the
     * district Ba Đình is today's Giảng Võ, and Ba Đình's district labour office, kept for such records, is told
     * when one of them becomes an emergency or a separation.
     */
    private void addLegacyDistrictOffice() {
        jdbc.sql("""
                        insert into locality_succession (legacy_code, current_code) values (:legacy, :current)
                        on conflict do nothing""")
                .param("legacy", LEGACY_GIANG_VO).param("current", "00025").update();
        jdbc.sql("""
                        insert into agency (id, kind, name, locality_list, locality_code, valid_from)
                        values (:id, :kind, :name, 'LEGACY', :district, date '2016-06-01')
                        on conflict (id) do nothing""")
                .param("id", "district-labour-office-" + LEGACY_BA_DINH).param("kind", AgencyKind.DISTRICT_LABOUR_OFFICE.name())
                .param("name", "Phòng Lao động - Thương binh và Xã hội quận Ba Đình").param("district", LEGACY_BA_DINH)
                .update();
    }

    private void add(String id, AgencyKind kind, String name, String locality, String from, String to) {
        jdbc.sql("""
                        insert into agency (id, kind, name, locality_code, valid_from, valid_to)
                        values (:id, :kind, :name, :locality, cast(:from as date), cast(:to as date))
                        on conflict (id) do nothing""")
                .param("id", id).param("kind", kind.name()).param("name", name).param("locality", locality)
                .param("from", from).param("to", to).update();
    }
}
