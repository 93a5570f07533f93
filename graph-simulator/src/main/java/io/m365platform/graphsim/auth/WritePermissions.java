package io.m365platform.graphsim.auth;

import java.util.Set;

/**
 * The permission table of the write endpoints and of the mailbox, calendar and file workloads (GRAPH_FACTS §8):
 * least-privileged permission first, then higher ones that also work. Exchange workloads deny with 403
 * ErrorAccessDenied, OneDrive with 403 accessDenied, the directory with 403 Authorization_RequestDenied. Checks
 * that a route rule cannot express (two permissions together, an admin role held by the app) live in the handlers.
 */
public final class WritePermissions {
    private WritePermissions() {
    }

    public static final String EXCHANGE_DENIED_CODE = "ErrorAccessDenied";
    public static final String EXCHANGE_DENIED_MESSAGE = "Access is denied. Check credentials and try again.";

    // ---- directory
    public static final PermissionRule USER_CREATE = PermissionRule.anyOf("User.ReadWrite.All", "Directory.ReadWrite.All");
    /** Any permission that can change some user property; the handler checks each property (see UserWritesModule). */
    public static final PermissionRule USER_UPDATE_ANY = PermissionRule.anyOf("User.ReadWrite.All", "Directory.ReadWrite.All",
            "User.ReadUpdate.All", "User.EnableDisableAccount.All", "User-PasswordProfile.ReadWrite.All");
    public static final Set<String> USER_GENERAL_UPDATE = Set.of("User.ReadWrite.All", "Directory.ReadWrite.All", "User.ReadUpdate.All");
    public static final Set<String> USER_FULL_WRITE = Set.of("User.ReadWrite.All", "Directory.ReadWrite.All");
    public static final String ENABLE_DISABLE = "User.EnableDisableAccount.All";
    public static final String PASSWORD_PROFILE = "User-PasswordProfile.ReadWrite.All";
    public static final PermissionRule USER_DELETE = PermissionRule.anyOf("User.ReadWrite.All", "Directory.ReadWrite.All",
            "User.DeleteRestore.All");
    public static final PermissionRule MANAGER_WRITE = PermissionRule.anyOf("User.ReadWrite.All", "Directory.ReadWrite.All");
    public static final PermissionRule REVOKE_SESSIONS = PermissionRule.anyOf("User.RevokeSessions.All", "User.ReadWrite.All",
            "Directory.ReadWrite.All");
    public static final PermissionRule ASSIGN_LICENSE = PermissionRule.anyOf("LicenseAssignment.ReadWrite.All",
            "User.ReadWrite.All", "Directory.ReadWrite.All");
    public static final PermissionRule GROUP_MEMBERS_WRITE = PermissionRule.anyOf("GroupMember.ReadWrite.All",
            "Group.ReadWrite.All", "Directory.ReadWrite.All");
    public static final PermissionRule GROUP_WRITE = PermissionRule.anyOf("Group.ReadWrite.All", "Directory.ReadWrite.All");

    // ---- Teams
    public static final PermissionRule TEAM_MEMBERS_WRITE = PermissionRule.anyOf("TeamMember.ReadWrite.All",
            "TeamMember.ReadWriteNonOwnerRole.All");
    public static final String TEAM_OWNERS_WRITE = "TeamMember.ReadWrite.All";
    /** App-only posts are for message import only (Teamwork.Migrate.All); normal sends are delegated. */
    public static final PermissionRule CHANNEL_MESSAGE_SEND = PermissionRule.of(Set.of("Teamwork.Migrate.All"), Set.of("ChannelMessage.Send"))
            .deniedWith(403, "Unauthorized", "Message POST is allowed in application-only context only for import purposes. Refer to "
                    + "https://docs.microsoft.com/microsoftteams/platform/graph-api/import-messages/import-external-messages-to-teams for more details.");
    public static final PermissionRule CHANNEL_MESSAGE_READ = PermissionRule.anyOf("ChannelMessage.Read.All", "ChannelMessage.ReadWrite",
            "Group.Read.All", "Group.ReadWrite.All");

    // ---- Exchange (mailbox settings, inbox rules, calendars)
    public static final PermissionRule MAILBOX_SETTINGS_READ = PermissionRule.anyOf("MailboxSettings.Read", "MailboxSettings.ReadWrite")
            .deniedWith(403, EXCHANGE_DENIED_CODE, EXCHANGE_DENIED_MESSAGE);
    public static final PermissionRule MAILBOX_SETTINGS_WRITE = PermissionRule.anyOf("MailboxSettings.ReadWrite")
            .deniedWith(403, EXCHANGE_DENIED_CODE, EXCHANGE_DENIED_MESSAGE);
    public static final PermissionRule CALENDARS_READ = PermissionRule.anyOf("Calendars.Read", "Calendars.ReadBasic",
            "Calendars.ReadWrite").deniedWith(403, EXCHANGE_DENIED_CODE, EXCHANGE_DENIED_MESSAGE);
    public static final PermissionRule CALENDARS_WRITE = PermissionRule.anyOf("Calendars.ReadWrite")
            .deniedWith(403, EXCHANGE_DENIED_CODE, EXCHANGE_DENIED_MESSAGE);

    // ---- OneDrive
    public static final PermissionRule FILES_READ = PermissionRule.anyOf("Files.Read.All", "Files.ReadWrite.All", "Sites.Read.All",
            "Sites.ReadWrite.All").deniedWith(403, "accessDenied", "Access denied");
    public static final PermissionRule FILES_WRITE = PermissionRule.anyOf("Files.ReadWrite.All", "Sites.ReadWrite.All")
            .deniedWith(403, "accessDenied", "Access denied");
}
