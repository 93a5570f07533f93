package io.m365platform.connection.capability;

import java.util.List;

/**
 * The generic one-sentence fixes of the capability table. Capability-specific sentences (an unsupported method, a
 * refused probe) are data in the catalogue; these only fill in names.
 */
public final class FixSentences {

    public static final String CONCEALED_REPORTS = "Usage reports show concealed user names: turn off \"Display concealed user,"
            + " group, and site names in all reports\" in the Microsoft 365 admin center (Settings > Org settings >"
            + " Services > Reports) so usage can be matched to users.";
    public static final String PROBE_INCONCLUSIVE = "Access could not be verified because Graph did not answer in time;"
            + " the next connection test checks it again.";

    private FixSentences() {
    }

    public static String grant(PermissionKind kind, List<String> permissions, String clientId) {
        String what = "the Microsoft Graph " + kind.noun() + (permissions.size() > 1 ? "s " : " ") + enumerate(permissions);
        return kind == PermissionKind.APPLICATION
                ? "Add " + what + " to app registration " + clientId + " in Microsoft Entra ID and grant admin consent,"
                        + " then test the connection."
                : "Add " + what + " to app registration " + clientId + ", grant admin consent and sign in again with"
                        + " the admin user.";
    }

    public static String raiseLevel(PermissionKind kind, List<String> missing) {
        String sentence = "Change the connection's permission level to read-write (read and take action)";
        if (!missing.isEmpty()) {
            sentence += " and grant the " + kind.noun() + (missing.size() > 1 ? "s " : " ") + enumerate(missing);
        }
        return sentence + ".";
    }

    /** "A", "A and B", "A, B and C". */
    public static String enumerate(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
