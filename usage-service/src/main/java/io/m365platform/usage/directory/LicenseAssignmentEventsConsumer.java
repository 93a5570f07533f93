package io.m365platform.usage.directory;

import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.directory.LicenseAssignmentDeleted;
import io.m365platform.contracts.directory.LicenseAssignmentSynced;
import io.m365platform.service.events.ConsumerErrorPolicy;
import io.m365platform.service.events.IncomingEvents;
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

    private final IncomingEvents incoming;
    private final ConsumerErrorPolicy policy;
    private final LicenseAssignments assignments;

    public LicenseAssignmentEventsConsumer(IncomingEvents incoming, ConsumerErrorPolicy policy, LicenseAssignments assignments) {
        this.incoming = incoming;
        this.policy = policy;
        this.assignments = assignments;
    }

    @Incoming("directory-license-assignments")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, byte[]> record) {
        policy.process(record, this::handle);
    }

    /** Malformed records are dead-lettered (here or by the policy, e.g. a key without its parts). */
    private void handle(ConsumerRecord<String, byte[]> record) {
        switch (incoming.readOrDeadLetter(record)) {
            case ReadResult.Accepted accepted -> apply(accepted.envelope().data());
            case ReadResult.Tombstone tombstone -> {
                List<String> key = EventKey.parts(tombstone.key());
                assignments.delete(key.get(0), key.get(1), key.get(2));
            }
            case ReadResult.Rejected rejected -> {
                // already dead-lettered with the whole record
            }
        }
    }

    private void apply(Object event) {
        if (event instanceof LicenseAssignmentSynced synced) {
            assignments.upsert(synced.connectionId(), synced.assignment(), synced.observedAt());
        } else if (event instanceof LicenseAssignmentDeleted deleted) {
            assignments.delete(deleted.connectionId(), deleted.userId(), deleted.skuId());
        }
    }
}
