package io.m365platform.sync.service;

import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.connection.ConnectionDeleted;
import io.m365platform.contracts.connection.ConnectionEvent;
import io.m365platform.contracts.sync.SyncRequested;
import io.m365platform.service.events.IncomingEvents;
import io.m365platform.service.web.ApiException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes connection events ({@code m365.connections}) and sync requests ({@code m365.sync.requests}), both keyed
 * by connection, so each instance handles the connections of its partitions. Invalid records and records whose
 * handling failed are dead-lettered (kept whole for replay), never dropped and never blocking the partition.
 */
@ApplicationScoped
public class SyncEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SyncEventsConsumer.class);

    @Inject
    IncomingEvents incoming;

    @Inject
    ConnectionEventHandler connections;

    @Inject
    SyncRequestHandler requests;

    @Incoming("connections")
    @Blocking
    public void onConnectionRecord(ConsumerRecord<String, byte[]> record) {
        handle(record, event -> {
            if (event instanceof ConnectionDeleted deleted) {
                connections.onConnectionDeleted(deleted);
            } else if (event instanceof ConnectionEvent state) {
                connections.onConnectionState(state);
            }
        });
    }

    @Incoming("sync-requests")
    @Blocking
    public void onSyncRequestRecord(ConsumerRecord<String, byte[]> record) {
        handle(record, event -> {
            if (event instanceof SyncRequested request) {
                requests.onRequest(request);
            }
        });
    }

    private void handle(ConsumerRecord<String, byte[]> record, java.util.function.Consumer<PlatformEvent> handler) {
        ReadResult result = incoming.readOrDeadLetter(record);
        if (!(result instanceof ReadResult.Accepted accepted)) {
            return; // tombstones need nothing (the deleted event came first); rejections are dead-lettered
        }
        try {
            handler.accept(accepted.envelope().data());
        } catch (ApiException e) {
            incoming.deadLetter(record, e.error().error(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "handling %s-%d@%d failed", record.topic(), record.partition(), record.offset());
            incoming.deadLetter(record, "handling-failed", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
