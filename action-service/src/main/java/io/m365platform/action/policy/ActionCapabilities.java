package io.m365platform.action.policy;

import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.connection.ConnectionMethod;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The workflow-action rows of the capability table (connection-service's {@code capabilities/catalogue.json}, from
 * the seeds' setup guides and GRAPH_FACTS §8): per action and connection method, the Graph permissions it needs or
 * why the method cannot run it. action-service checks a request against these before it makes any Graph call.
 */
public final class ActionCapabilities {

    private static final List<String> USER_WRITE = List.of("User.ReadWrite.All", "Directory.ReadWrite.All");
    private static final List<String> USER_READ = List.of("User.Read.All", "User.ReadWrite.All", "Directory.Read.All",
            "Directory.ReadWrite.All");
    private static final String MAILBOX_ONLY_APP = "Delegated access reaches only mailboxes the signed-in admin may"
            + " open: use an app-registration connection with MailboxSettings.ReadWrite for other users' mailboxes.";
    private static final String CALENDAR_ONLY_APP = "Delegated access reaches only calendars shared with the signed-in"
            + " admin: use an app-registration connection with Calendars.ReadWrite to clean up other users' calendars"
            + " and delegations.";

    private static final Map<ActionType, Map<ConnectionMethod, Requirement>> TABLE = new EnumMap<>(ActionType.class);

    static {
        both(ActionType.CREATE_USER, List.of(USER_WRITE));
        both(ActionType.UPDATE_USER, List.of(USER_WRITE));
        both(ActionType.DELETE_USER, List.of(USER_WRITE));
        List<List<String>> enableDisable = List.of(
                List.of("User.EnableDisableAccount.All", "User.ReadWrite.All", "Directory.ReadWrite.All"), USER_READ);
        both(ActionType.ENABLE_USER, enableDisable);
        both(ActionType.DISABLE_USER, enableDisable);
        both(ActionType.SET_MANAGER, List.of(USER_WRITE));
        both(ActionType.REMOVE_MANAGER, List.of(USER_WRITE));
        both(ActionType.SET_USER_TYPE, List.of(USER_WRITE));
        both(ActionType.REVOKE_SESSIONS, List.of(
                List.of("User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All")));
        List<List<String>> groups = List.of(
                List.of("GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All"));
        both(ActionType.ADD_GROUP_MEMBER, groups);
        both(ActionType.REMOVE_GROUP_MEMBER, groups);
        both(ActionType.ADD_TEAM_MEMBER, List.of(List.of("TeamMember.ReadWrite.All")));
        both(ActionType.REMOVE_TEAM_MEMBER, List.of(List.of("TeamMember.ReadWrite.All")));
        appOnly(ActionType.SET_MAIL_FORWARDING, List.of(List.of("MailboxSettings.ReadWrite")), MAILBOX_ONLY_APP);
        appOnly(ActionType.REMOVE_MAIL_FORWARDING, List.of(List.of("MailboxSettings.ReadWrite")), MAILBOX_ONLY_APP);
        appOnly(ActionType.SET_AUTOMATIC_REPLIES, List.of(List.of("MailboxSettings.ReadWrite")), MAILBOX_ONLY_APP);
        appOnly(ActionType.DELETE_CALENDAR_EVENTS, List.of(List.of("Calendars.ReadWrite")), CALENDAR_ONLY_APP);
        appOnly(ActionType.REMOVE_CALENDAR_DELEGATION, List.of(List.of("Calendars.ReadWrite")), CALENDAR_ONLY_APP);
        appOnly(ActionType.TRANSFER_ONEDRIVE_TO_MANAGER,
                List.of(List.of("Files.ReadWrite.All", "Sites.ReadWrite.All"), USER_READ),
                "Delegated access reaches only files the signed-in admin may open: use an app-registration connection"
                        + " with Files.ReadWrite.All to transfer other users' OneDrive files.");
        both(ActionType.ASSIGN_LICENSE, List.of(
                List.of("LicenseAssignment.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All")));
        both(ActionType.REMOVE_LICENSE, List.of(
                List.of("LicenseAssignment.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All")));
        // A bot message is sent through the bot, which must be installed for the user or team: the Graph side only
        // looks the installation up.
        both(ActionType.SEND_BOT_MESSAGE, List.of(List.of("TeamsAppInstallation.ReadForUser.All",
                "TeamsAppInstallation.ReadWriteForUser.All", "Directory.Read.All")));
        TABLE.put(ActionType.RESET_PASSWORD, Map.of(
                ConnectionMethod.APP_REGISTRATION, Requirement.unsupported("Password resets need a signed-in"
                        + " administrator: connect with the admin-user method to reset passwords."),
                ConnectionMethod.ADMIN_USER, Requirement.needs(List.of(List.of("UserAuthenticationMethod.ReadWrite.All",
                        "User-PasswordProfile.ReadWrite.All", "Directory.AccessAsUser.All")))));
        for (ActionType type : ActionType.values()) {
            if (!TABLE.containsKey(type)) {
                throw new IllegalStateException("no capability row for " + type.wireName());
            }
        }
    }

    private ActionCapabilities() {
    }

    /** What {@code type} needs on a connection of {@code method}. */
    static Requirement requirement(ActionType type, ConnectionMethod method) {
        return TABLE.get(type).get(method);
    }

    private static void both(ActionType type, List<List<String>> clauses) {
        TABLE.put(type, Map.of(ConnectionMethod.APP_REGISTRATION, Requirement.needs(clauses),
                ConnectionMethod.ADMIN_USER, Requirement.needs(clauses)));
    }

    private static void appOnly(ActionType type, List<List<String>> clauses, String delegatedUnsupported) {
        TABLE.put(type, Map.of(ConnectionMethod.APP_REGISTRATION, Requirement.needs(clauses),
                ConnectionMethod.ADMIN_USER, Requirement.unsupported(delegatedUnsupported)));
    }
}
