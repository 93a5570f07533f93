package io.m365platform.action.connection;

import io.m365platform.testsupport.consumer.ConsumerErrorPolicyContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.List;

/** The connection-events consumer under the platform's error policy. */
@QuarkusTest
class ConnectionEventsErrorPolicyTest extends ConsumerErrorPolicyContract {

    @Inject
    ConnectionStore connections;

    @Override
    protected ProducerRecord<String, byte[]> validRecord() {
        return connectionCreated(List.of("User.ReadWrite.All"));
    }

    @Override
    protected ProducerRecord<String, byte[]> recordTheDatabaseRefuses() {
        return connectionCreated(List.of("User.ReadWrite.All\u0000"));
    }

    @Override
    protected boolean handled(ProducerRecord<String, byte[]> record) {
        return connections.find(record.key()).isPresent();
    }
}
