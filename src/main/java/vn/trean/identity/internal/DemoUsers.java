package vn.trean.identity.internal;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.identity.Role;

/** One demo login per role (listed in the README), all with the configured demo password. */
@Component
@Order(20)
@ConditionalOnProperty(name = "trean.demo.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    record DemoUser(String username, String displayName, Role role, String agencyId) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("hotline", "Trần Thu Hà (Tổng đài 111)", Role.HOTLINE_OPERATOR, "hotline-111"),
            new DemoUser("officer", "Nguyễn Văn An (cán bộ BVTE Ba Đình)", Role.COMMUNE_OFFICER, "child-protection-00004"),
            new DemoUser("chairman", "Lê Minh Châu (Chủ tịch UBND Ba Đình)", Role.COMMUNE_CHAIRMAN, "committee-00004"),
            new DemoUser("police", "Phạm Quốc Bảo (Công an Ba Đình)", Role.POLICE, "police-00004"),
            new DemoUser("teacher", "Đỗ Thị Lan (Trường Tiểu học Ba Đình)", Role.EDUCATION, "school-00004"),
            new DemoUser("health", "Vũ Thị Mai (Trạm Y tế Ba Đình)", Role.HEALTH, "health-station-00004"),
            new DemoUser("officer.ngocha", "Hoàng Văn Nam (cán bộ BVTE Ngọc Hà)", Role.COMMUNE_OFFICER, "child-protection-00008"),
            new DemoUser("supervisor", "Bùi Thanh Hương (Sở Y tế Hà Nội)", Role.PROVINCE_SUPERVISOR, "health-dept-01"),
            new DemoUser("owner", "Ngô Đức Thịnh (quản lý quy trình)", Role.PROCESS_OWNER, "health-dept-01"),
            new DemoUser("admin", "Quản trị hệ thống", Role.ADMIN, "health-dept-01"),
            new DemoUser("admin.hanoi", "Đặng Thu Trang (quản trị Sở Y tế Hà Nội)", Role.PROVINCE_ADMIN, "health-dept-01"),
            new DemoUser("ctv.badinh", "Trịnh Văn Khoa (cộng tác viên Ba Đình)", Role.COLLABORATOR, "collaborators-00004"));

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final String password;

    DemoUsers(JdbcClient jdbc, PasswordEncoder encoder, @Value("${trean.demo.password}") String password) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String hash = null;
        for (DemoUser user : USERS) {
            boolean exists = jdbc.sql("select count(*) from app_user where username = :u").param("u", user.username())
                    .query(Integer.class).single() > 0;
            if (exists) {
                continue;
            }
            if (hash == null) {
                hash = encoder.encode(password);
            }
            jdbc.sql("""
                            insert into app_user (username, password_hash, display_name, email, role, agency_id)
                            values (:u, :h, :n, :e, :r, :a)""")
                    .param("u", user.username()).param("h", hash).param("n", user.displayName())
                    .param("e", user.username() + "@demo.trean.vn").param("r", user.role().name())
                    .param("a", user.agencyId()).update();
        }
    }
}
