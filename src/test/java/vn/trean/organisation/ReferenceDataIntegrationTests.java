package vn.trean.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.ApiIntegrationTest;
import vn.trean.organisation.internal.ReferenceDataLoader;
import vn.trean.organisation.internal.ReferenceFile;

/**
 * The national administrative units of both lists, and how a newer official list is merged in. The tests that
 * load other files run in a transaction that is rolled back, so the shared database keeps the shipped lists.
 */
class ReferenceDataIntegrationTests extends ApiIntegrationTest {

    @Autowired
    ReferenceDataLoader loader;
    @Autowired
    Organisation organisation;

    @Test
    void everyProvinceDistrictAndCommuneOfBothListsIsThere() {
        assertThat(units("V2025", "PROVINCE")).isEqualTo(34);
        assertThat(units("V2025", "COMMUNE")).isEqualTo(3321);
        assertThat(units("LEGACY", "PROVINCE")).isEqualTo(63);
        assertThat(units("LEGACY", "DISTRICT")).isEqualTo(696);
        assertThat(units("LEGACY", "COMMUNE")).isEqualTo(10035);
        assertThat(organisation.communes()).hasSize(3321);
    }

    @Test
    void communesOfQuangTriAndThanhHoaBelongToTheirProvince() {
        assertThat(organisation.commune("18859")).get()
                .returns("Đồng Thuận", Locality::name).returns("44", Locality::provinceCode);
        assertThat(provinceName("V2025", "44")).isEqualTo("Quảng Trị");
        assertThat(organisation.commune("14758")).get()
                .returns("Hàm Rồng", Locality::name).returns("38", Locality::provinceCode);
        assertThat(provinceName("V2025", "38")).isEqualTo("Thanh Hoá");
        // the same code meant another unit before the reform: the list is part of the key
        assertThat(provinceName("LEGACY", "45")).isEqualTo("Quảng Trị");
        assertThat(jdbc.sql("select name from locality where list = 'LEGACY' and code = '00004'")
                .query(String.class).single()).isEqualTo("Trúc Bạch");
        assertThat(jdbc.sql("select parent_code from locality where list = 'LEGACY' and code = '00004'")
                .query(String.class).single()).isEqualTo("001");
    }

    @Test
    void theCommuneNamesOfAProvinceAreItsOwnOnly() {
        Map<String, String> quangTri = organisation.communeNames("44");

        assertThat(quangTri).containsEntry("18859", "Đồng Thuận").doesNotContainKey(COMMUNE_A)
                .hasSize(count("select count(*) from locality where list = 'V2025' and level = 'COMMUNE' and province_code = '44'"));
        assertThat(organisation.communeNames(null)).hasSize(3321);
    }

    @Test
    void aSecondLoadOfTheSameFilesIsSkippedAndWritesNothing() throws IOException {
        int loads = count("select count(*) from reference_data_load");
        int history = count("select count(*) from locality_name_history");

        ReferenceDataLoader.Result again = loader.load(shippedFiles());

        assertThat(again.skipped()).isTrue();
        assertThat(count("select count(*) from reference_data_load")).isEqualTo(loads);
        assertThat(count("select count(*) from locality_name_history")).isEqualTo(history);
        assertThat(count("select count(*) from locality where retired_at is not null")).isZero();
    }

    @Test
    @Transactional
    void aNewListRenamesAndRetiresUnitsButDeletesNone() throws IOException {
        Map<ReferenceFile, byte[]> shipped = shippedFiles();
        Map<ReferenceFile, byte[]> newer = new EnumMap<>(shipped);
        newer.put(ReferenceFile.COMMUNES_2025, edit(shipped.get(ReferenceFile.COMMUNES_2025), text -> text
                .replace("\n00004,Ba Đình,Ba Dinh,ward,01\n", "\n00004,Ba Đình Mới,Ba Dinh Moi,ward,01\n")
                .replace("\n00008,Ngọc Hà,Ngoc Ha,ward,01\n", "\n")));
        int agenciesOfNgocHa = count("select count(*) from agency where locality_code = '00008'");
        assertThat(agenciesOfNgocHa).as("Ngọc Hà is in use").isPositive();

        ReferenceDataLoader.Result result = loader.load(newer);

        assertThat(result.skipped()).isFalse();
        assertThat(result).returns(0, ReferenceDataLoader.Result::added).returns(1, ReferenceDataLoader.Result::renamed)
                .returns(1, ReferenceDataLoader.Result::retired);
        assertThat(organisation.commune("00004")).get().returns("Ba Đình Mới", Locality::name);
        assertThat(jdbc.sql("""
                        select name from locality_name_history
                        where list = 'V2025' and code = '00004' and valid_until is not null""")
                .query(String.class).list()).containsExactly("Ba Đình");
        assertThat(count("select count(*) from locality where list = 'V2025' and code = '00008' and retired_at is not null"))
                .as("retired, not deleted").isEqualTo(1);
        assertThat(count("select count(*) from agency where locality_code = '00008'")).isEqualTo(agenciesOfNgocHa);
        assertThat(organisation.commune("00008")).as("its cases keep it").isPresent();
        assertThat(organisation.communes()).extracting(Locality::code).doesNotContain("00008").contains("00004");
        assertThat(units("V2025", "COMMUNE")).isEqualTo(3320);

        assertThat(loader.load(newer).skipped()).as("the same new list again").isTrue();

        ReferenceDataLoader.Result back = loader.load(shipped);
        assertThat(back).returns(1, ReferenceDataLoader.Result::renamed).returns(1, ReferenceDataLoader.Result::revived)
                .returns(0, ReferenceDataLoader.Result::retired).returns(0, ReferenceDataLoader.Result::added);
        assertThat(organisation.commune("00004")).get().returns("Ba Đình", Locality::name);
        assertThat(count("select count(*) from locality_name_history where list = 'V2025' and code = '00004'")).isEqualTo(2);
        assertThat(units("V2025", "COMMUNE")).isEqualTo(3321);
    }

    @Test
    @Transactional
    void aNewUnitOfANewListIsAdded() throws IOException {
        Map<ReferenceFile, byte[]> newer = shippedFiles();
        newer.put(ReferenceFile.COMMUNES_2025, edit(newer.get(ReferenceFile.COMMUNES_2025),
                text -> text + "99990,Thử Nghiệm,Thu Nghiem,commune,44\n"));

        assertThat(loader.load(newer).added()).isEqualTo(1);

        assertThat(organisation.commune("99990")).get().returns("44", Locality::provinceCode);
    }

    @Test
    void aFileWithWrongColumnsIsRefusedNamingTheFileAndLineAndWritesNothing() throws IOException {
        int loads = count("select count(*) from reference_data_load");
        Map<ReferenceFile, byte[]> broken = shippedFiles();
        broken.put(ReferenceFile.DISTRICTS_LEGACY, edit(broken.get(ReferenceFile.DISTRICTS_LEGACY),
                text -> text.replace("\n002,Hoàn Kiếm,Hoan Kiem,urban_district,01\n", "\n002,Hoàn Kiếm,urban_district,01\n")));

        assertThatThrownBy(() -> loader.load(broken)).hasMessageContaining("districts-legacy.csv line 3");

        assertThat(count("select count(*) from reference_data_load")).isEqualTo(loads);
        assertThat(units("LEGACY", "DISTRICT")).isEqualTo(696);
    }

    @Test
    @Transactional
    void aLegacyCommuneRollsUpToTodaysCommuneOnlyWhereTheMappingIsKnown() {
        assertThat(organisation.currentCommuneOf("00001")).as("the shipped data has no mapping (the demo adds one ward)")
                .isEmpty();
        jdbc.sql("insert into locality_succession (legacy_code, current_code) values ('00001', '00004')").update();

        assertThat(organisation.currentCommuneOf("00001")).get()
                .returns(Locality.AdministrativeList.V2025, Locality::list).returns("Ba Đình", Locality::name);
        assertThat(organisation.currentCommuneOf("00007")).isEmpty();
    }

    @Test
    void theDemoCommunesOfHaNoiStillTakeReports() {
        assertThat(Map.of("00004", "Ba Đình", "00008", "Ngọc Hà", "00025", "Giảng Võ")).allSatisfy((code, name) ->
                assertThat(organisation.commune(code)).get().returns(name, Locality::name).returns("01", Locality::provinceCode));

        var caseId = fileReport(COMMUNE_A, Instant.now());

        assertThat(taskOf("officer", caseId, "verify_report")).isNotNull();
    }

    private int units(String list, String level) {
        return count("select count(*) from locality where list = ? and level = ? and retired_at is null", list, level);
    }

    private String provinceName(String list, String code) {
        return jdbc.sql("select name from locality where list = ? and level = 'PROVINCE' and code = ?")
                .param(list).param(code).query(String.class).single();
    }

    private static Map<ReferenceFile, byte[]> shippedFiles() throws IOException {
        Map<ReferenceFile, byte[]> files = new EnumMap<>(ReferenceFile.class);
        for (ReferenceFile file : ReferenceFile.values()) {
            try (InputStream in = new ClassPathResource(file.classpathLocation()).getInputStream()) {
                files.put(file, in.readAllBytes());
            }
        }
        return files;
    }

    private static byte[] edit(byte[] content, java.util.function.UnaryOperator<String> change) {
        String before = new String(content, StandardCharsets.UTF_8);
        String after = change.apply(before);
        assertThat(after).as("the edit applies").isNotEqualTo(before);
        return after.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCommuneRetiredByANewerListTakesNoNewReportsButKeepsItsCases() {
        var earlier = fileReport(COMMUNE_B, Instant.now());
        jdbc.sql("update locality set retired_at = now() where list = 'V2025' and code = ?").param(COMMUNE_B).update();
        try {
            int cases = count("select count(*) from case_file");
            var refused = as("hotline").post("/api/reports", report(COMMUNE_B, Instant.now(), "Trần Thị Mai")).expect(422);
            assertThat(refused.body().get("code").asText()).isEqualTo("unknown-commune");
            assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("communeCode");
            assertThat(count("select count(*) from case_file")).isEqualTo(cases);
            assertThat(as("officer.ngocha").get("/api/cases/" + earlier).expect(200).body().get("communeCode").asText())
                    .isEqualTo(COMMUNE_B);
        } finally {
            jdbc.sql("update locality set retired_at = null where list = 'V2025' and code = ?").param(COMMUNE_B).update();
        }
    }
}
