package io.m365platform.usage.connections;

import io.m365platform.testsupport.consumer.ConsumerErrorPolicyContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.List;

/** The consumer error policy on usage-service's connection-events consumer. */
@QuarkusTest
class ConnectionEventsErrorPolicyTest extends ConsumerErrorPolicyContract {

    @Inject
    TrackedConnections connections;

    @Override
    protected ProducerRecord<String, byte[]> validRecord() {
        return connectionCreated(List.of("Reports.Read.All"));
    }

    @Override
    protected ProducerRecord<String, byte[]> recordTheDatabaseRefuses() {
        return connectionCreated(List.of("Reports.Read.All\u0000"));
    }

    @Override
    protected boolean handled(ProducerRecord<String, byte[]> record) {
        return connections.list().stream().anyMatch(c -> c.connectionId().equals(record.key()));
    }
}
