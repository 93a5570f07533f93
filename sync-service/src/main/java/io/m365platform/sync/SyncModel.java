package io.m365platform.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365platform.sync.engine.ResourceSync;
import io.m365platform.sync.entity.EntityCatalog;
import io.m365platform.sync.resource.apps.ExternalAppKind;
import io.m365platform.sync.resource.apps.ExternalAppsSync;
import io.m365platform.sync.resource.groups.GroupEntityKind;
import io.m365platform.sync.resource.groups.GroupsSync;
import io.m365platform.sync.resource.groups.MemberEdges;
import io.m365platform.sync.resource.groups.MembershipKind;
import io.m365platform.sync.resource.licenses.SubscribedSkuKind;
import io.m365platform.sync.resource.licenses.SubscribedSkusSync;
import io.m365platform.sync.resource.organization.OrganizationKind;
import io.m365platform.sync.resource.organization.OrganizationSync;
import io.m365platform.sync.resource.roles.DirectoryRoleKind;
import io.m365platform.sync.resource.roles.DirectoryRolesSync;
import io.m365platform.sync.resource.roles.RoleAssignmentKind;
import io.m365platform.sync.resource.roles.RoleAssignmentsSync;
import io.m365platform.sync.resource.teams.ChannelKind;
import io.m365platform.sync.resource.teams.ChannelsSync;
import io.m365platform.sync.resource.teams.InstalledAppKind;
import io.m365platform.sync.resource.teams.InstalledAppsSync;
import io.m365platform.sync.resource.teams.TeamKind;
import io.m365platform.sync.resource.teams.TeamMemberKind;
import io.m365platform.sync.resource.teams.TeamMembersSync;
import io.m365platform.sync.resource.teams.TeamsSync;
import io.m365platform.sync.resource.users.LicenseAssignmentKind;
import io.m365platform.sync.resource.users.UserKind;
import io.m365platform.sync.resource.users.UsersSync;

import java.util.List;

/** What sync-service syncs: the entity kinds with their relations, and the resources in the order a run reads them. */
public final class SyncModel {

    private SyncModel() {
    }

    public static EntityCatalog catalog(ObjectMapper mapper) {
        return new EntityCatalog(mapper)
                .add(OrganizationKind.INSTANCE)
                .add(SubscribedSkuKind.INSTANCE)
                .add(UserKind.INSTANCE)
                .add(LicenseAssignmentKind.INSTANCE)
                .add(GroupEntityKind.INSTANCE)
                .add(MembershipKind.INSTANCE)
                .add(DirectoryRoleKind.INSTANCE)
                .add(RoleAssignmentKind.INSTANCE)
                .add(TeamKind.INSTANCE)
                .add(ChannelKind.INSTANCE)
                .add(TeamMemberKind.INSTANCE)
                .add(InstalledAppKind.INSTANCE)
                .add(ExternalAppKind.INSTANCE)
                .dependent(UserKind.INSTANCE, LicenseAssignmentKind.INSTANCE)
                .dependent(UserKind.INSTANCE, InstalledAppKind.INSTANCE)
                .dependent(GroupEntityKind.INSTANCE, MembershipKind.INSTANCE)
                .dependent(GroupEntityKind.INSTANCE, TeamKind.INSTANCE)
                .dependent(TeamKind.INSTANCE, ChannelKind.INSTANCE)
                .dependent(TeamKind.INSTANCE, TeamMemberKind.INSTANCE)
                .reference(UserKind.INSTANCE, TeamMemberKind.INSTANCE, "user_id")
                .reference(UserKind.INSTANCE, RoleAssignmentKind.INSTANCE, "principal_id")
                .reference(GroupEntityKind.INSTANCE, RoleAssignmentKind.INSTANCE, "principal_id")
                .onDeleted(UserKind.INSTANCE, MemberEdges::onObjectsDeleted)
                .onDeleted(GroupEntityKind.INSTANCE, MemberEdges::onObjectsDeleted)
                .auxiliaryTable("group_member_edge")
                .auxiliaryTable("membership_dirty")
                .auxiliaryTable("team_refresh")
                .auxiliaryTable("sign_in_activity_read")
                .auxiliaryTable("user_sign_in_activity");
    }

    /** In reading order: SKUs before users (part numbers), groups before teams, teams before channels. */
    public static List<ResourceSync> resources() {
        return List.of(
                new OrganizationSync(),
                new SubscribedSkusSync(),
                new UsersSync(),
                new GroupsSync(),
                new DirectoryRolesSync(),
                new RoleAssignmentsSync(),
                new TeamsSync(),
                new ChannelsSync(),
                new TeamMembersSync(),
                new InstalledAppsSync(),
                new ExternalAppsSync());
    }
}
