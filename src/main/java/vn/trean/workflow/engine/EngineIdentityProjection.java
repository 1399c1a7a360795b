package vn.trean.workflow.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.trean.identity.IdentityEvents.UsersChanged;
import vn.trean.identity.DirectoryUser;
import vn.trean.identity.UserDirectory;
import vn.trean.organisation.Agency;
import vn.trean.organisation.Organisation;

/**
 * Projects Trẻ An's users and agencies into the engine's identity tables: one engine group per
 * agency, each user a member of their agency's group, process owners and admins also of
 * {@code camunda-admin}. The application tables stay the single source of truth; the projection is
 * rebuilt at start, whenever {@link #refresh()} is called, and after every committed change of a user
 * ({@code IdentityEvents.UsersChanged}) on the node that made it. The engine's identity tables are shared
 * by every node, so that one rebuild serves them all. Passwords are never copied: the engine
 * REST API and the webapps trust the Spring Security login.
 */
@Component
@Order(30)
public class EngineIdentityProjection implements ApplicationRunner {

    private final IdentityService identity;
    private final UserDirectory users;
    private final Organisation organisation;

    EngineIdentityProjection(IdentityService identity, UserDirectory users, Organisation organisation) {
        this.identity = identity;
        this.users = users;
        this.organisation = organisation;
    }

    @Override
    public void run(ApplicationArguments args) {
        refresh();
    }

    /** After the commit, in a transaction of its own: the change is then visible and the rebuild commits. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(UsersChanged changed) {
        refresh();
    }

    @Transactional
    public void refresh() {
        Set<String> groupIds = new HashSet<>();
        for (Agency agency : organisation.agencies()) {
            saveGroup(agency.id(), agency.name(), "AGENCY");
            groupIds.add(agency.id());
        }
        saveGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        groupIds.add(Groups.CAMUNDA_ADMIN);
        for (Group stale : identity.createGroupQuery().list()) {
            if (!groupIds.contains(stale.getId())) {
                identity.deleteGroup(stale.getId());
            }
        }
        List<DirectoryUser> directory = users.users();
        Set<String> usernames = new HashSet<>();
        for (DirectoryUser user : directory) {
            if (!user.enabled()) {
                continue;
            }
            usernames.add(user.username());
            saveUser(user);
            Set<String> memberships = new HashSet<>();
            memberships.add(user.agencyId());
            if (user.role().usesEngineTools()) {
                memberships.add(Groups.CAMUNDA_ADMIN);
            }
            Set<String> current = new HashSet<>();
            identity.createGroupQuery().groupMember(user.username()).list().forEach(g -> current.add(g.getId()));
            for (String group : memberships) {
                if (!current.contains(group)) {
                    identity.createMembership(user.username(), group);
                }
            }
            for (String group : current) {
                if (!memberships.contains(group)) {
                    identity.deleteMembership(user.username(), group);
                }
            }
        }
        for (User stale : identity.createUserQuery().list()) {
            if (!usernames.contains(stale.getId())) {
                identity.deleteUser(stale.getId());
            }
        }
    }

    private void saveGroup(String id, String name, String type) {
        Group group = identity.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identity.newGroup(id);
        } else if (name.equals(group.getName()) && type.equals(group.getType())) {
            return;
        }
        group.setName(name);
        group.setType(type);
        identity.saveGroup(group);
    }

    private void saveUser(DirectoryUser source) {
        User user = identity.createUserQuery().userId(source.username()).singleResult();
        boolean isNew = user == null;
        if (isNew) {
            user = identity.newUser(source.username());
            // the engine requires a password; nobody knows this one, logins go through Spring Security
            user.setPassword(UUID.randomUUID() + "-" + UUID.randomUUID());
        }
        String[] names = splitName(source.displayName());
        if (!isNew && names[0].equals(user.getFirstName()) && names[1].equals(user.getLastName())
                && java.util.Objects.equals(source.email(), user.getEmail())) {
            return;
        }
        user.setFirstName(names[0]);
        user.setLastName(names[1]);
        user.setEmail(source.email());
        identity.saveUser(user);
    }

    /** Vietnamese names put the given name last: "Nguyễn Văn An" is first name "An", last name "Nguyễn Văn". */
    private static String[] splitName(String displayName) {
        String name = displayName.replaceAll("\\s*\\(.*\\)$", "").trim();
        int lastSpace = name.lastIndexOf(' ');
        return lastSpace < 0 ? new String[] {name, ""} : new String[] {name.substring(lastSpace + 1), name.substring(0, lastSpace)};
    }
}
