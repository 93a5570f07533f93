package io.m365platform.action.connection;

import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.contracts.connection.PermissionLevel;

import java.util.Set;

/**
 * A connection as action-service last heard of it on {@code m365.connections}.
 *
 * @param approvalRequired action types (wire names) that need a second operator's approval on this connection
 */
public record KnownConnection(String connectionId, String tenantId, String product, ConnectionMethod method,
                              PermissionLevel permissionLevel, ConnectionStatus status, String clientId,
                              Set<String> grantedPermissions, Set<String> approvalRequired) {
}
