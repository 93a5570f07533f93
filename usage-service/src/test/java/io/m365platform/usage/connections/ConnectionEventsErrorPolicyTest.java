package io.m365platform.usage.connections;

import io.m365platform.testsupport.consumer.ConnectionEventsErrorPolicyContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The consumer error policy on usage-service's connection-events consumer. */
@QuarkusTest
class ConnectionEventsErrorPolicyTest extends ConnectionEventsErrorPolicyContract {

    @Inject
    TrackedConnections connections;

    @Override
    protected boolean handled(ProducerRecord<String, byte[]> record) {
        return connections.list().stream().anyMatch(c -> c.connectionId().equals(record.key()));
    }
}
