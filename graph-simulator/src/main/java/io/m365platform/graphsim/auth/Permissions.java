package io.m365platform.graphsim.auth;

/**
 * The permission table of the read endpoints (GRAPH_FACTS §8): least-privileged permission first, then the
 * higher ones that also work. Writes and reports add their own rules next to their routes.
 */
public final class Permissions {
    private Permissions() {
    }

    public static final PermissionRule USERS_READ = PermissionRule.anyOf("User.Read.All", "User.ReadWrite.All",
            "Directory.Read.All", "Directory.ReadWrite.All", "User.ReadBasic.All");
    /** /me: any user-read permission; the handler refuses app-only tokens like Graph (400). */
    public static final PermissionRule ME_READ = PermissionRule.anyOf("User.Read", "User.ReadWrite", "User.ReadBasic.All",
            "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    public static final PermissionRule LICENSE_DETAILS_READ = PermissionRule.anyOf("LicenseAssignment.Read.All",
            "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    public static final PermissionRule ORGANIZATION_READ = PermissionRule.anyOf("Organization.Read.All",
            "Organization.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All", "LicenseAssignment.Read.All");
    public static final PermissionRule GROUPS_READ = PermissionRule.anyOf("GroupMember.Read.All", "Group.Read.All",
            "Group.ReadWrite.All", "GroupMember.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    public static final PermissionRule ROLES_READ = PermissionRule.anyOf("RoleManagement.Read.Directory",
            "RoleManagement.Read.All", "RoleManagement.ReadWrite.Directory", "Directory.Read.All", "Directory.ReadWrite.All");
    public static final PermissionRule TEAM_MEMBERS_READ = PermissionRule.anyOf("TeamMember.Read.All",
            "TeamMember.ReadWrite.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All");
    public static final PermissionRule CHANNELS_READ = PermissionRule.anyOf("Channel.ReadBasic.All",
            "ChannelSettings.Read.All", "ChannelSettings.ReadWrite.All", "Group.Read.All", "Group.ReadWrite.All",
            "Directory.Read.All", "Directory.ReadWrite.All");
    public static final PermissionRule INSTALLED_APPS_READ = PermissionRule.anyOf("TeamsAppInstallation.ReadForUser.All",
            "TeamsAppInstallation.ReadWriteSelfForUser.All", "TeamsAppInstallation.ReadWriteForUser.All");
    public static final PermissionRule SERVICE_PRINCIPALS_READ = PermissionRule.anyOf("Application.Read.All",
            "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    /** GET /teams/{id}: Team.ReadBasic.All least; TeamSettings.Read(Write).All, Group.Read(Write).All, Directory.Read(Write).All. */
    public static final PermissionRule TEAM_READ = PermissionRule.anyOf("Team.ReadBasic.All", "TeamSettings.Read.All",
            "TeamSettings.ReadWrite.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    /** $select=signInActivity on users: AuditLog.Read.All in addition to a user-read permission (GRAPH_FACTS §8). */
    public static final String AUDIT_LOG_READ = "AuditLog.Read.All";
    public static final PermissionRule GRANTS_READ = PermissionRule.anyOf("Directory.Read.All",
            "DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All");
    public static final PermissionRule REPORT_SETTINGS_READ = PermissionRule.anyOf("ReportSettings.Read.All",
            "ReportSettings.ReadWrite.All");
    public static final PermissionRule REPORT_SETTINGS_WRITE = PermissionRule.anyOf("ReportSettings.ReadWrite.All");
}
