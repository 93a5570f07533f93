package io.m365platform.sync.service;

import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.connection.ConnectionDeleted;
import io.m365platform.contracts.connection.ConnectionEvent;
import io.m365platform.contracts.sync.SyncRequested;
import io.m365platform.service.events.ConsumerErrorPolicy;
import io.m365platform.service.events.IncomingEvents;
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

    private final IncomingEvents incoming;
    private final ConsumerErrorPolicy policy;
    private final ConnectionEventHandler connections;
    private final SyncRequestHandler requests;

    public SyncEventsConsumer(IncomingEvents incoming, ConsumerErrorPolicy policy, ConnectionEventHandler connections,
                              SyncRequestHandler requests) {
        this.incoming = incoming;
        this.policy = policy;
        this.connections = connections;
        this.requests = requests;
    }

    @Incoming("connections")
    @Blocking(ordered = true)
    public void onConnectionRecord(ConsumerRecord<String, byte[]> record) {
        policy.process(record, this::handleConnection);
    }

    @Incoming("sync-requests")
    @Blocking(ordered = true)
    public void onSyncRequestRecord(ConsumerRecord<String, byte[]> record) {
        policy.process(record, this::handleSyncRequest);
    }

    private void handleConnection(ConsumerRecord<String, byte[]> record) {
        switch (incoming.readOrDeadLetter(record)) {
            case ReadResult.Accepted accepted -> {
                if (accepted.envelope().data() instanceof ConnectionDeleted deleted) {
                    connections.onConnectionDeleted(deleted);
                } else if (accepted.envelope().data() instanceof ConnectionEvent state) {
                    connections.onConnectionState(state);
                }
            }
            case ReadResult.Tombstone tombstone -> {
                // the connection.deleted event before it did the work
            }
            case ReadResult.Rejected rejected -> {
                // already dead-lettered with the whole record
            }
        }
    }

    private void handleSyncRequest(ConsumerRecord<String, byte[]> record) {
        switch (incoming.readOrDeadLetter(record)) {
            case ReadResult.Accepted accepted -> {
                if (accepted.envelope().data() instanceof SyncRequested request) {
                    requests.onRequest(request);
                }
            }
            case ReadResult.Tombstone tombstone -> {
                // an append-only topic: nothing to forget
            }
            case ReadResult.Rejected rejected -> {
                // already dead-lettered with the whole record
            }
        }
    }
}
