package io.m365platform.contracts.sync;

import io.m365platform.contracts.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

/** A kind of Graph data a sync run reads (one counter set per resource). */
public enum SyncResource implements WireName {
    /** /users (delta). */
    USERS("users"),
    /** /subscribedSkus. */
    SUBSCRIBED_SKUS("subscribed-skus"),
    /** Per-user license assignments (from users' licenseAssignmentStates). */
    LICENSE_ASSIGNMENTS("license-assignments"),
    /** /groups (delta). */
    GROUPS("groups"),
    /** /groups/{id}/members and transitiveMembers. */
    GROUP_MEMBERSHIPS("group-memberships"),
    /** /directoryRoles. */
    DIRECTORY_ROLES("directory-roles"),
    /** /roleManagement/directory/roleAssignments. */
    ROLE_ASSIGNMENTS("role-assignments"),
    /** /organization. */
    ORGANIZATION("organization"),
    /** Teams-enabled groups. */
    TEAMS("teams"),
    /** /teams/{id}/channels. */
    CHANNELS("channels"),
    /** /teams/{id}/members. */
    TEAM_MEMBERS("team-members"),
    /** /users/{id}/teamwork/installedApps. */
    INSTALLED_APPS("installed-apps"),
    /** Third-party service principals and their OAuth consents. */
    EXTERNAL_APPS("external-apps");

    private final String wireName;

    SyncResource(String wireName) {
        this.wireName = wireName;
    }

    /** The value used in JSON and in the schema's enum. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
