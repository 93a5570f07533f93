package io.m365platform.sync.entity;

import java.time.Instant;

/** What every entity event of a run carries besides the entity: where it was synced from, by which run, when. */
public record EventContext(String connectionId, String tenantId, String syncRunId, Instant observedAt) {
}
