package io.m365platform.sync.service;

import io.m365platform.contracts.connection.ConnectionDeleted;
import io.m365platform.contracts.connection.ConnectionEvent;
import io.m365platform.contracts.sync.SyncRequested;
import io.m365platform.service.events.ConsumerErrorPolicy;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes connection events ({@code m365.connections}) and sync requests ({@code m365.sync.requests}), both keyed
 * by connection, so each instance handles the connections of its partitions. Failures follow service-commons'
 * {@link ConsumerErrorPolicy}: a database outage is waited out (the record is handled once it is back), a record
 * that cannot be handled (invalid, refused by the service or the database) is dead-lettered whole.
 */
@ApplicationScoped
public class SyncEventsConsumer {

    private final ConsumerErrorPolicy policy;
    private final ConnectionEventHandler connections;
    private final SyncRequestHandler requests;

    public SyncEventsConsumer(ConsumerErrorPolicy policy, ConnectionEventHandler connections,
                              SyncRequestHandler requests) {
        this.policy = policy;
        this.connections = connections;
        this.requests = requests;
    }

    @Incoming("connections")
    @Blocking(ordered = true)
    public void onConnectionRecord(ConsumerRecord<String, byte[]> record) {
        // A tombstone needs nothing: the connection.deleted event before it did the work.
        policy.processEvents(record, event -> {
            if (event instanceof ConnectionDeleted deleted) {
                connections.onConnectionDeleted(deleted);
            } else if (event instanceof ConnectionEvent state) {
                connections.onConnectionState(state);
            }
        }, key -> { });
    }

    @Incoming("sync-requests")
    @Blocking(ordered = true)
    public void onSyncRequestRecord(ConsumerRecord<String, byte[]> record) {
        // An append-only topic: a tombstone has nothing to forget.
        policy.processEvents(record, event -> {
            if (event instanceof SyncRequested request) {
                requests.onRequest(request);
            }
        }, key -> { });
    }
}
