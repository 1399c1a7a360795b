package vn.trean.workflow.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.trean.organisation.OrganisationEvents.AgencyChanged;

/**
 * Keeps the engine group of an agency in step with the agency as soon as an administrator creates or
 * renames it, in the same transaction (the engine's identity tables are shared by every node), instead of
 * waiting for {@link EngineIdentityProjection} to rebuild them at the next start. A retired agency keeps its
 * group: its history and the tasks it worked still name it.
 */
@Component
class AgencyGroups {

    private final IdentityService identity;

    AgencyGroups(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener
    void on(AgencyChanged change) {
        if (change.after() == null) {
            return;
        }
        Group group = identity.createGroupQuery().groupId(change.after().id()).singleResult();
        if (group == null) {
            group = identity.newGroup(change.after().id());
            group.setType("AGENCY");
        } else if (change.after().name().equals(group.getName())) {
            return;
        }
        group.setName(change.after().name());
        identity.saveGroup(group);
    }
}
