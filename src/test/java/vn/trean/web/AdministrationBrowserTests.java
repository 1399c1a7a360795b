package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrator's pages for agencies and routing rules, on a phone (360 px) and on a desktop: plain
 * form posts, errors next to the fields, nothing wider than the screen. Every test makes its own agencies
 * and rules (the database is shared with every other test class) and leaves today's routing as it was.
 */
class AdministrationBrowserTests extends BrowserTest {

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String QUANG_TRI = "44";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phone", "desktop"})
    void anAdministratorCreatesAnAgencyInAQuangTriCommuneRenamesItAndRetiresIt(String screen) {
        String commune = communeWithoutAgencies(QUANG_TRI);
        String name = "Hội Phụ nữ " + UUID.randomUUID().toString().substring(0, 8);
        signIn("admin");
        size(screen);
        find(By.id("nav-admin")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/admin"));
        assertThat(all(By.cssSelector(".admin-links a")).stream().map(a -> a.getAttribute("href")).toList())
                .anySatisfy(h -> assertThat(h).endsWith("/admin/people"))
                .anySatisfy(h -> assertThat(h).endsWith("/admin/integrations"))
                .anySatisfy(h -> assertThat(h).endsWith("/admin/holidays"));
        assertFitsTheScreen();
        find(By.id("admin-agencies")).click();

        new Select(find(By.id("province"))).selectByValue(QUANG_TRI);
        find(By.id("choose-province")).click();
        new Select(find(By.id("locality"))).selectByValue(commune);
        find(By.id("choose-locality")).click();
        Select kind = new Select(find(By.id("kind")));
        assertThat(kind.getOptions().stream().map(WebElement::getText).toList())
                .as("only the kinds of a commune").contains("Công an", "Hội Liên hiệp Phụ nữ").doesNotContain("Sở Y tế");
        kind.selectByValue("WOMENS_UNION");
        find(By.id("name")).sendKeys(name);
        find(By.id("validFrom")).sendKeys("31/02/2025");
        find(By.id("create-agency")).click();
        assertThat(text(By.id("validFrom-error"))).contains("ngày/tháng/năm");
        find(By.id("validFrom")).clear();
        find(By.id("validFrom")).sendKeys("01/07/2025");
        find(By.id("create-agency")).click();

        waitFor(d -> d.getCurrentUrl().contains("created="));
        WebElement row = find(By.xpath("//table[@id='agencies']//tr[.//a[normalize-space()='" + name + "']]"));
        assertThat(row.getText()).contains("Hội Liên hiệp Phụ nữ", "01/07/2025", "Đang hoạt động");
        assertFitsTheScreen();
        String id = row.getAttribute("data-agency");
        assertThat(jdbc.sql("select province_code from locality where list = 'V2025' and code = ?").param(commune)
                .query(String.class).single()).isEqualTo(QUANG_TRI);

        row.findElement(By.linkText(name)).click();
        find(By.id("name")).clear();
        find(By.id("name")).sendKeys(name + " phường");
        find(By.id("save-agency")).click();
        find(By.id("saved"));
        assertThat(text(By.tagName("h1"))).isEqualTo(name + " phường");

        find(By.id("retire-agency")).click();
        find(By.id("retired"));
        assertThat(text(By.id("agency-status"))).as("its last day is today").isEqualTo("Hoạt động đến ngày cuối");
        assertThat(text(By.id("agency-valid-to"))).isEqualTo(today().format(DAY_FIRST));
        assertFitsTheScreen();
        assertThat(jdbc.sql("select valid_to from agency where id = ?").param(id).query(java.sql.Date.class).single()
                .toLocalDate()).isEqualTo(today());
        assertThat(jdbc.sql("select string_agg(action, ',' order by at) from audit_event where actor = 'admin'"
                + " and detail ->> 'agencyId' = ?").param(id).query(String.class).single())
                .isEqualTo("AGENCY_CREATED,AGENCY_CHANGED,AGENCY_RETIRED");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phone", "desktop"})
    void retiringAnAgencyWithAnOpenTaskListsTheTaskAndTheTaskIsMovedBeforeTheRetirement(String screen) {
        String commune = communeWithoutAgencies("01");
        String officer = createAgency("CHILD_PROTECTION_OFFICER", "Cán bộ BVTE " + commune, commune);
        String standIn = createAgency("CHILD_PROTECTION_OFFICER", "Cán bộ BVTE kiêm nhiệm " + commune, commune);
        // the report opens the case with the commune's officer and chairman
        createAgency("PEOPLES_COMMITTEE", "UBND " + commune, commune);
        UUID caseId = UUID.fromString(as("hotline").post("/api/reports", report(commune, Instant.now(), "Lê Thị Mai"))
                .expect(201).body().get("id").asText());
        List<String> tasks = tasksOf(officer);
        assertThat(tasks).hasSize(1);
        String caseNumber = jdbc.sql("select case_number from work_item where task_id = ?").param(tasks.get(0))
                .query(String.class).single();
        assertThat(jdbc.sql("select case_id from work_item where task_id = ?").param(tasks.get(0)).query(UUID.class)
                .single()).isEqualTo(caseId);

        signIn("admin");
        size(screen);
        open("/admin/agencies/" + officer);
        find(By.id("retire-agency")).click();
        WebElement refusal = find(By.id("open-tasks"));
        assertThat(refusal.getText()).contains("còn 1 việc đang mở").contains(caseNumber)
                .contains("Xác minh, đánh giá nguy cơ ban đầu");
        assertThat(find(By.cssSelector("#open-tasks li[data-task='" + tasks.get(0) + "']")).isDisplayed()).isTrue();
        assertFitsTheScreen();
        new Select(find(By.id("toAgencyId"))).selectByValue(standIn);
        find(By.id("move-submit")).click();
        assertThat(text(By.id("moved"))).contains("Đã chuyển 1 việc");
        assertThat(tasksOf(officer)).isEmpty();
        assertThat(tasksOf(standIn)).containsExactlyElementsOf(tasks);

        find(By.id("retire-agency")).click();
        find(By.id("retired"));
        assertThat(text(By.id("agency-status"))).isEqualTo("Hoạt động đến ngày cuối");
        assertThat(jdbc.sql("select valid_to from agency where id = ?").param(officer).query(java.sql.Date.class).single()
                .toLocalDate()).isEqualTo(today());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phone", "desktop"})
    void aRuleIsAddedAfterTheLastDayOfTheOneBeforeAndAnOverlappingRuleIsRefusedNextToItsFirstDay(String screen) {
        // far ahead, so that today's routing stays as every other test expects it
        var newest = jdbc.sql("select id, valid_from from routing_rule where role_key = 'education'"
                        + " order by valid_from desc limit 1")
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getDate(2).toLocalDate())).single();
        LocalDate lastDay = (newest.getValue().isAfter(today()) ? newest.getValue() : today()).plusYears(100);
        signIn("admin");
        size(screen);
        open("/admin/routing");
        assertThat(find(By.id("rule-" + newest.getKey())).getText()).contains("nhà trường", "Trường học");
        assertFitsTheScreen();

        WebElement end = find(By.id("validTo-" + newest.getKey()));
        end.clear();
        end.sendKeys(lastDay.format(DAY_FIRST));
        find(By.cssSelector("#rule-" + newest.getKey() + " form button")).click();
        find(By.id("ended"));
        assertThat(text(By.cssSelector("#rule-" + newest.getKey() + " .rule-to"))).isEqualTo(lastDay.format(DAY_FIRST));

        addRule("education", "SCHOOL", lastDay.plusDays(1));
        waitFor(d -> d.getCurrentUrl().contains("added="));
        String added = browser.getCurrentUrl().replaceAll(".*added=(\\d+).*", "$1");
        assertThat(text(By.id("rule-" + added))).contains("nhà trường", "Trường học", "Xã, phường của vụ việc",
                lastDay.plusDays(1).format(DAY_FIRST), "Sắp áp dụng");

        addRule("education", "WOMENS_UNION", lastDay.plusDays(11));
        assertThat(text(By.id("validFrom-error"))).contains("Trùng thời gian với quy tắc số " + added)
                .contains("nhà trường");
        assertThat(find(By.id("validFrom")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(count("select count(*) from routing_rule where role_key = 'education' and agency_kind = 'WOMENS_UNION'"))
                .isZero();
        assertFitsTheScreen();

        browser.manage().addCookie(new Cookie("lang", "en"));
        open("/admin/routing");
        addRule("education", "WOMENS_UNION", lastDay.plusDays(11));
        assertThat(text(By.id("validFrom-error"))).contains("Overlaps rule " + added).contains("school");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phone", "desktop"})
    void theGapsCheckNamesACommuneThatHasNoPoliceAgency(String screen) {
        String commune = communeWithoutAgencies("01");
        String communeName = jdbc.sql("select name from locality where list = 'V2025' and code = ?").param(commune)
                .query(String.class).single();
        for (String kind : List.of("PEOPLES_COMMITTEE", "CHILD_PROTECTION_OFFICER", "SCHOOL", "HEALTH_STATION")) {
            createAgency(kind, kind + " " + commune, commune);
        }
        signIn("admin");
        size(screen);
        open("/admin/routing");
        new Select(find(By.id("gaps-province"))).selectByValue("01");
        find(By.id("check-gaps")).click();
        WebElement line = find(By.cssSelector("#gaps li[data-commune='" + commune + "']"));
        assertThat(line.getText()).contains(communeName + ": không có cơ quan cho").contains("công an")
                .doesNotContain("nhà trường").doesNotContain("y tế");
        assertThat(all(By.cssSelector("#gaps li[data-commune='" + COMMUNE_A + "']"))).isEmpty();
        assertFitsTheScreen();

        browser.manage().addCookie(new Cookie("lang", "en"));
        browser.navigate().refresh();
        assertThat(find(By.cssSelector("#gaps li[data-commune='" + commune + "']")).getText())
                .startsWith(communeName + " has no").contains("police").doesNotContain("school");
    }

    private void addRule(String role, String kind, LocalDate from) {
        find(By.id("roleKey")).clear();
        find(By.id("roleKey")).sendKeys(role);
        new Select(find(By.id("agencyKind"))).selectByValue(kind);
        new Select(find(By.id("scope"))).selectByValue("COMMUNE");
        find(By.id("validFrom")).clear();
        find(By.id("validFrom")).sendKeys(from.format(DAY_FIRST));
        find(By.id("add-rule")).click();
    }

    private String createAgency(String kind, String name, String locality) {
        return as("admin").post("/api/admin/agencies", Map.of("kind", kind, "name", name, "localityCode", locality))
                .expect(201).body().get("id").asText();
    }

    /** A commune of the province that no agency serves yet: every run of a test takes a fresh one. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phone", "desktop"})
    void aProvinceAdministratorSeesOnlyTheirProvinceAndNoInstallationPages(String screen) {
        signIn("admin.hanoi");
        size(screen);
        find(By.id("nav-admin")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/admin"));
        assertThat(all(By.cssSelector(".admin-links a")).stream().map(a -> a.getAttribute("href")).toList())
                .as("agencies, routing and people; not the installation's integrations or holidays")
                .anySatisfy(h -> assertThat(h).endsWith("/admin/agencies"))
                .anySatisfy(h -> assertThat(h).endsWith("/admin/people"))
                .noneSatisfy(h -> assertThat(h).endsWith("/admin/integrations"))
                .noneSatisfy(h -> assertThat(h).endsWith("/admin/holidays"));
        assertFitsTheScreen();

        find(By.id("admin-agencies")).click();
        assertThat(new Select(find(By.id("province"))).getOptions().stream().map(o -> o.getAttribute("value"))
                .filter(v -> !v.isEmpty()).toList()).as("their province only").containsExactly("01");

        open("/admin/routing");
        assertThat(new Select(find(By.id("provinceCode"))).getOptions().stream().map(o -> o.getAttribute("value"))
                .toList()).as("a rule of their province only").containsExactly("01");

        open("/admin/people");
        assertThat(all(By.cssSelector("#role option")).stream().map(o -> o.getAttribute("value")).toList())
                .as("no role reaching the whole country").doesNotContain("ADMIN", "PROCESS_OWNER");
        assertFitsTheScreen();

        open("/admin/integrations");
        assertThat(all(By.id("integration-form"))).as("refused: the installation's administrators only").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phone", "desktop"})
    void anAdministratorCreatesANationalAgencyLikeTheHotlineWithoutAnyLocality(String screen) {
        String name = "Tổng đài thử " + UUID.randomUUID().toString().substring(0, 8);
        signIn("admin");
        size(screen);
        open("/admin/agencies");
        new Select(find(By.id("province"))).selectByValue("national");
        find(By.id("choose-province")).click();
        assertThat(all(By.id("locality"))).as("no commune to choose for a national agency").isEmpty();
        Select kind = new Select(find(By.id("kind")));
        assertThat(kind.getOptions().stream().map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList())
                .containsExactlyInAnyOrder("HOTLINE", "SYSTEM_ADMINISTRATION");
        kind.selectByValue("HOTLINE");
        find(By.id("name")).sendKeys(name);
        // from a day far ahead: the demo's hotline keeps taking today's work
        find(By.id("validFrom")).sendKeys("01/01/2099");
        find(By.id("create-agency")).click();
        waitFor(d -> d.getCurrentUrl().contains("created="));
        WebElement row = find(By.xpath("//table[@id='agencies']//tr[.//a[normalize-space()='" + name + "']]"));
        assertThat(row.getText()).contains("01/01/2099");
        assertThat(jdbc.sql("select count(*) from agency where name = ? and locality_code is null and kind = 'HOTLINE'")
                .param(name).query(Integer.class).single()).isEqualTo(1);
        assertFitsTheScreen();

        row.findElement(By.linkText(name)).click();
        find(By.id("back-to-list")).click();
        find(By.xpath("//table[@id='agencies']//a[normalize-space()='" + name + "']"));
    }

    private String communeWithoutAgencies(String province) {
        return jdbc.sql("""
                        select min(code) from locality l where list = 'V2025' and level = 'COMMUNE' and province_code = ?
                        and retired_at is null and not exists (select 1 from agency a where a.locality_code = l.code)""")
                .param(province).query(String.class).single();
    }

    private List<String> tasksOf(String agencyId) {
        return jdbc.sql("select task_id from work_item where ? = any(agencies) order by task_id").param(agencyId)
                .query(String.class).list();
    }

    private void size(String screen) {
        browser.manage().window().setSize("phone".equals(screen) ? PHONE : DESKTOP);
    }

    /** Nothing on the page is wider than the window: no sideways scrolling on a phone. */
    private void assertFitsTheScreen() {
        Dimension window = browser.manage().window().getSize();
        Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow.intValue() > 0) {
            Object wide = ((JavascriptExecutor) browser).executeScript("""
                    const w = document.documentElement.clientWidth;
                    return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w)
                        .slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ');""");
            assertThat(overflow.intValue()).as("horizontal overflow at %s on %s: %s", window, browser.getCurrentUrl(),
                    wide).isLessThanOrEqualTo(0);
        }
    }
}
