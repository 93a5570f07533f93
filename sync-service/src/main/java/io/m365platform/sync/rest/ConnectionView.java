package io.m365platform.sync.rest;

import io.m365platform.sync.connection.KnownConnection;

import java.time.Instant;
import java.util.List;

/** A connection as sync-service knows it, with its schedule. */
public record ConnectionView(String connectionId, String tenantId, String product, String status,
                             List<String> grantedPermissions, boolean deleted, Instant nextIncrementalRunAt,
                             Instant nextFullRunAt, String activeRunId) {

    static ConnectionView of(KnownConnection c, String activeRunId) {
        return new ConnectionView(c.connectionId(), c.tenantId(), c.product(), c.status(),
                c.grantedPermissions().stream().sorted().toList(), c.deleted(), c.nextIncrementalAt(),
                c.nextFullAt(), activeRunId);
    }
}
