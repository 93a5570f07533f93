package io.m365platform.sync.service;

import io.m365platform.sync.connection.ConnectionRepository;
import io.m365platform.testsupport.consumer.ConnectionEventsErrorPolicyContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The consumer error policy on sync-service's connection-events consumer (before it, a database outage turned a
 * connection event into a dead letter). The connections need reconnecting, so no run starts for them.
 */
@QuarkusTest
class SyncEventsErrorPolicyTest extends ConnectionEventsErrorPolicyContract {

    @Inject
    ConnectionRepository connections;

    @Override
    protected boolean handled(ProducerRecord<String, byte[]> record) {
        return connections.find(record.key()).isPresent();
    }
}
