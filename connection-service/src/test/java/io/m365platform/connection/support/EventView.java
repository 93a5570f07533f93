package io.m365platform.connection.support;

import java.time.Instant;
import java.util.List;

/**
 * A connection event as tests check it, in plain values (see {@link TestApp}).
 *
 * @param type           short type: created, updated, credentials-rotated, status-changed, deleted
 * @param previousStatus status-changed only
 * @param by             createdBy / updatedBy / rotatedBy / deletedBy
 */
public record EventView(String type, String status, String previousStatus, String statusReason, String fix,
                        String tenantId, String permissionLevel, List<String> grantedPermissions,
                        List<String> missingPermissions, List<String> changedFields, String by,
                        Instant secretExpiresAt) {
}
