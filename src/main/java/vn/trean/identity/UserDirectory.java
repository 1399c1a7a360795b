package vn.trean.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** The users of Trẻ An: the single source of truth the engine's users and groups are derived from. */
@Service
public class UserDirectory {

    private final JdbcClient jdbc;

    public UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DirectoryUser> users() {
        return jdbc.sql("select username, display_name, email, role, agency_id, enabled from app_user order by username")
                .query((rs, i) -> new DirectoryUser(rs.getString(1), rs.getString(2), rs.getString(3),
                        Role.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6)))
                .list();
    }

    /** The enabled users of an agency: the people its notifications reach. */
    public List<DirectoryUser> members(String agencyId) {
        return jdbc.sql("""
                        select username, display_name, email, role, agency_id, enabled from app_user
                        where agency_id = :a and enabled order by username""")
                .param("a", agencyId)
                .query((rs, i) -> new DirectoryUser(rs.getString(1), rs.getString(2), rs.getString(3),
                        Role.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6)))
                .list();
    }

    /** The signed-in user of this request, if any. */
    public Optional<CurrentUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getPrincipal() == null) {
            return Optional.empty();
        }
        if (auth.getPrincipal() instanceof CurrentUserPrincipal p) {
            return Optional.of(p.user());
        }
        return find(auth.getName());
    }

    /** The signed-in user; only called behind Spring Security, so its absence is a programming error. */
    public CurrentUser requireCurrent() {
        return current().orElseThrow(() -> new IllegalStateException("no authenticated user"));
    }

    public Optional<CurrentUser> find(String username) {
        return jdbc.sql("""
                        select u.username, u.display_name, u.role, u.agency_id, a.locality_code,
                               l.province_code
                        from app_user u join agency a on a.id = u.agency_id
                        left join locality l on l.list = a.locality_list and l.code = a.locality_code
                        where u.username = :u""")
                .param("u", username)
                .query((rs, i) -> new CurrentUser(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .optional();
    }

    /** Implemented by the security principal so that a request does not load its user twice. */
    public interface CurrentUserPrincipal {
        CurrentUser user();
    }
}
