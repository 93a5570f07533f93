package io.m365platform.contracts.connection;

import io.m365platform.contracts.Checks;

import java.time.Instant;
import java.util.List;

/**
 * The whole current state of a connection as every connection event carries it. It never contains a secret
 * or a token: those stay encrypted inside connection-service, which brokers access tokens to the others.
 *
 * @param connectionId        platform id of the connection
 * @param tenantId            Entra tenant id (GUID)
 * @param product             integrated product
 * @param method              authentication method
 * @param permissionLevel     read, or read-write (workflow actions allowed)
 * @param displayName         operator-chosen name
 * @param status              health as last checked
 * @param statusReason        why the status is what it is (human readable); null when connected
 * @param fix                 what an operator should do to repair it; null when nothing to do
 * @param clientId            application (client) id of the app registration; not a secret
 * @param grantedPermissions  Graph permissions found in the last token ({@code roles} or {@code scp})
 * @param missingPermissions  permissions the permission level needs but the token lacks
 * @param secretExpiresAt     expiry of the client secret when known (app-registration only)
 * @param createdAt           creation time
 * @param updatedAt           time of the last change of this state
 * @param lastCheckedAt       time of the last connection test, null if never tested
 */
public record ConnectionState(
        String connectionId,
        String tenantId,
        Product product,
        ConnectionMethod method,
        PermissionLevel permissionLevel,
        String displayName,
        ConnectionStatus status,
        String statusReason,
        String fix,
        String clientId,
        List<String> grantedPermissions,
        List<String> missingPermissions,
        Instant secretExpiresAt,
        Instant createdAt,
        Instant updatedAt,
        Instant lastCheckedAt) {

    public ConnectionState {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.require(product, "product");
        Checks.require(method, "method");
        Checks.require(permissionLevel, "permissionLevel");
        Checks.requireText(displayName, "displayName");
        Checks.require(status, "status");
        grantedPermissions = Checks.list(grantedPermissions);
        missingPermissions = Checks.list(missingPermissions);
        Checks.require(createdAt, "createdAt");
        Checks.require(updatedAt, "updatedAt");
    }
}
