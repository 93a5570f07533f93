package io.m365platform.usage.connections;

import java.time.Instant;
import java.util.List;

/** A connection whose usage reports this service ingests, as last announced by connection-service. */
public record TrackedConnection(String connectionId, String tenantId, String product, String status,
                                List<String> grantedPermissions, Instant lastEventTime) {
}
