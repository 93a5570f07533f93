package io.m365platform.action.connection;

import io.m365platform.testsupport.consumer.ConnectionEventsErrorPolicyContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The connection-events consumer under the platform's error policy. */
@QuarkusTest
class ConnectionEventsErrorPolicyTest extends ConnectionEventsErrorPolicyContract {

    @Inject
    ConnectionStore connections;

    @Override
    protected boolean handled(ProducerRecord<String, byte[]> record) {
        return connections.find(record.key()).isPresent();
    }
}
