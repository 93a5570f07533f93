package io.m365platform.graphsim.outlook;

import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.Tenant;

/**
 * Who has an Exchange Online mailbox: a live user whose licences include an EXCHANGE_S_* plan. Errors as
 * Exchange answers them: unknown user → 404 ErrorInvalidUser; no mailbox → 404 MailboxNotEnabledForRESTAPI.
 */
public final class Mailboxes {
    private Mailboxes() {
    }

    /** The mailbox owner; inside Tenant.read. */
    public static User requireMailbox(Tenant t, String idOrUpn) {
        User u = t.userTable().get(idOrUpn);
        if (u == null) {
            throw new GraphException(404, "ErrorInvalidUser", "The requested user '" + idOrUpn + "' is invalid.");
        }
        if (!t.hasServicePlan(u, "EXCHANGE_S_")) {
            throw new GraphException(404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
        }
        return u;
    }

    /** 404 ErrorItemNotFound, Exchange's answer for a missing item (rule, event, calendar, permission). */
    public static GraphException itemNotFound() {
        return new GraphException(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }

    /** A property that does not exist on an Outlook type (Exchange's RequestBodyRead). */
    public static GraphException unknownProperty(String property, String type) {
        return new GraphException(400, "RequestBodyRead", "The property '" + property + "' does not exist on type 'Microsoft.OutlookServices."
                + type + "'. Make sure to only use property names that are defined by the type.");
    }

    /** A value that does not convert to the property's type or enum. */
    public static GraphException badValue(Object value, String type) {
        return new GraphException(400, "RequestBodyRead", "Cannot convert the literal '" + value + "' to the expected type '" + type + "'.");
    }
}
