package io.m365platform.usage.connections;

import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.connection.ConnectionDeleted;
import io.m365platform.contracts.connection.ConnectionEvent;
import io.m365platform.contracts.connection.ConnectionState;
import io.m365platform.service.events.ConsumerErrorPolicy;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps {@link TrackedConnections} in step with m365.connections: created / updated / status changes store the
 * connection's latest state, a deletion (event or tombstone) forgets it. Malformed records are dead-lettered and
 * the consumer goes on; a database outage is waited out (service-commons' {@link ConsumerErrorPolicy}).
 */
@ApplicationScoped
public class ConnectionEventsConsumer {

    private final ConsumerErrorPolicy policy;
    private final TrackedConnections connections;

    public ConnectionEventsConsumer(ConsumerErrorPolicy policy,
                                    TrackedConnections connections) {
        this.policy = policy;
        this.connections = connections;
    }

    @Incoming("connections")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, byte[]> record) {
        policy.processEvents(record, this::apply, key -> connections.delete(EventKey.connectionIdOf(key)));
    }

    private void apply(Object event) {
        if (event instanceof ConnectionEvent change) {
            ConnectionState state = change.connection();
            connections.upsert(new TrackedConnection(state.connectionId(), state.tenantId(),
                    state.product().wireName(), state.status().wireName(), state.grantedPermissions(),
                    change.eventTime()));
        } else if (event instanceof ConnectionDeleted deleted) {
            connections.delete(deleted.connectionId());
        }
    }
}
