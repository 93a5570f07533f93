package io.m365platform.action.connection;

import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.connection.ConnectionDeleted;
import io.m365platform.contracts.connection.ConnectionEvent;
import io.m365platform.service.events.ConsumerErrorPolicy;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;

/**
 * Keeps the {@code connection} table in step with {@code m365.connections}: method, permission level, granted
 * permissions, tenant and status are what an action is checked against before it runs. Records that are not
 * connection events are dead-lettered whole.
 */
@ApplicationScoped
public class ConnectionEventsConsumer {

    private final ConsumerErrorPolicy policy;
    private final ConnectionStore connections;

    public ConnectionEventsConsumer(ConsumerErrorPolicy policy, ConnectionStore connections) {
        this.policy = policy;
        this.connections = connections;
    }

    @Incoming("connections")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, byte[]> record) {
        policy.processEvents(record, this::apply,
                key -> connections.markDeleted(EventKey.connectionIdOf(key), Instant.now()));
    }

    private void apply(Object event) {
        if (event instanceof ConnectionEvent change) {
            connections.apply(change.connection());
        } else if (event instanceof ConnectionDeleted deleted) {
            connections.markDeleted(deleted.connectionId(), deleted.occurredAt());
        }
    }
}
