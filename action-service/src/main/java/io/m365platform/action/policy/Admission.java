package io.m365platform.action.policy;

import io.m365platform.action.config.ActionConfig;
import io.m365platform.action.connection.KnownConnection;
import io.m365platform.action.store.Failure;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.contracts.connection.PermissionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a request may run, decided before any Graph call: not too old, for the connection's tenant, on a
 * read-write connection whose method supports the action and whose granted permissions cover it. A refusal carries
 * the capability table's reason and fix.
 */
@ApplicationScoped
public class Admission {

    private final ActionConfig config;
    private final Clock clock;

    @Inject
    public Admission(ActionConfig config) {
        this(config, Clock.systemUTC());
    }

    Admission(ActionConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Refusal of a request that has just arrived and is older than the configured maximum age. */
    public Optional<Failure> tooOld(Instant requestedAt) {
        Instant oldest = clock.instant().minus(config.requests().maxAge());
        if (requestedAt.isBefore(oldest)) {
            return Optional.of(Failure.of("too-old", "The request was made at " + requestedAt
                    + ", longer ago than the maximum age of " + config.requests().maxAge()
                    + "; an old command is not run.", "Send a new request if the action is still wanted."));
        }
        return Optional.empty();
    }

    /** Refusal of {@code type} for {@code tenantId} on {@code connection}, or empty when it may run. */
    public Optional<Failure> check(ActionType type, String tenantId, KnownConnection connection) {
        if (connection.status() == ConnectionStatus.DELETED) {
            return refuse("connection-deleted", "Connection " + connection.connectionId() + " was deleted.",
                    "Connect the tenant again and send the request with the new connection.");
        }
        if (!connection.tenantId().equalsIgnoreCase(tenantId)) {
            return refuse("tenant-mismatch", "The request names tenant " + tenantId + " but connection "
                            + connection.connectionId() + " is for tenant " + connection.tenantId() + ".",
                    "Send the request with the connection's tenant id, or through that tenant's connection.");
        }
        Requirement requirement = ActionCapabilities.requirement(type, connection.method());
        List<String> missing = requirement.supported() ? requirement.missingFrom(connection.grantedPermissions())
                : List.of();
        if (connection.permissionLevel() != PermissionLevel.READ_WRITE) {
            return refuse("read-only-connection", "Connection " + connection.connectionId()
                            + " has permission level read: workflow actions are not allowed on it.",
                    raiseLevel(connection.method(), missing));
        }
        if (!requirement.supported()) {
            return refuse("not-supported-by-method", type.wireName() + " cannot run on a "
                    + connection.method().wireName() + " connection.", requirement.unsupported());
        }
        if (connection.status() == ConnectionStatus.NEEDS_RECONNECT) {
            return refuse("connection-needs-reconnect", "Connection " + connection.connectionId()
                            + " cannot get tokens: its credentials expired or were revoked.",
                    connection.method() == ConnectionMethod.APP_REGISTRATION
                            ? "Rotate the client secret of the app registration, then test the connection."
                            : "Sign in again with the admin user, then test the connection.");
        }
        if (!missing.isEmpty()) {
            return refuse("permission-missing", type.wireName() + " needs the Microsoft Graph "
                    + noun(connection.method()) + plural(missing) + " " + enumerate(missing) + ", which connection "
                    + connection.connectionId() + " was not granted.", grant(connection, missing));
        }
        return Optional.empty();
    }

    private static Optional<Failure> refuse(String code, String message, String fix) {
        return Optional.of(Failure.of(code, message, fix));
    }

    private static String raiseLevel(ConnectionMethod method, List<String> missing) {
        String sentence = "Change the connection's permission level to read-write (read and take action)";
        if (!missing.isEmpty()) {
            sentence += " and grant the " + noun(method) + plural(missing) + " " + enumerate(missing);
        }
        return sentence + ".";
    }

    private static String grant(KnownConnection c, List<String> missing) {
        String what = "the Microsoft Graph " + noun(c.method()) + plural(missing) + " " + enumerate(missing);
        String app = c.clientId() == null ? "the connection's app registration" : "app registration " + c.clientId();
        return c.method() == ConnectionMethod.APP_REGISTRATION
                ? "Add " + what + " to " + app + " in Microsoft Entra ID and grant admin consent, then test the"
                        + " connection."
                : "Add " + what + " to " + app + ", grant admin consent and sign in again with the admin user.";
    }

    private static String noun(ConnectionMethod method) {
        return method == ConnectionMethod.APP_REGISTRATION ? "application permission" : "delegated permission";
    }

    private static String plural(List<String> items) {
        return items.size() > 1 ? "s" : "";
    }

    static String enumerate(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
