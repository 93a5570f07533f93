package io.m365platform.usage.directory;

import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.directory.LicenseAssignmentDeleted;
import io.m365platform.contracts.directory.LicenseAssignmentSynced;
import io.m365platform.service.events.ConsumerErrorPolicy;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Keeps {@link LicenseAssignments} in step with m365.directory.license-assignments (key
 * {@code {connectionId}/{userId}/{skuId}}).
 */
@ApplicationScoped
public class LicenseAssignmentEventsConsumer {

    private final ConsumerErrorPolicy policy;
    private final LicenseAssignments assignments;

    public LicenseAssignmentEventsConsumer(ConsumerErrorPolicy policy, LicenseAssignments assignments) {
        this.policy = policy;
        this.assignments = assignments;
    }

    @Incoming("directory-license-assignments")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, byte[]> record) {
        policy.processEvents(record, this::apply, this::onTombstone);
    }

    /** A tombstone of a key whose deleted event came first (or was compacted away): forget the row. */
    private void onTombstone(String key) {
        List<String> parts = EventKey.parts(key);
        assignments.delete(parts.get(0), parts.get(1), parts.get(2));
    }

    private void apply(Object event) {
        if (event instanceof LicenseAssignmentSynced synced) {
            assignments.upsert(synced.connectionId(), synced.assignment(), synced.observedAt());
        } else if (event instanceof LicenseAssignmentDeleted deleted) {
            assignments.delete(deleted.connectionId(), deleted.userId(), deleted.skuId());
        }
    }
}
