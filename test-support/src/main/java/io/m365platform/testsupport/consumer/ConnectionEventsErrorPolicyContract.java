package io.m365platform.testsupport.consumer;

import io.m365platform.contracts.cloudevents.CloudEventWriter;
import io.m365platform.contracts.connection.ConnectionCreated;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.ConnectionState;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@link ConsumerErrorPolicyContract} for a consumer of {@code m365.connections}, the topic every service reads: the
 * records are {@code connection.created} events (a permission with U+0000 is the value PostgreSQL refuses); the
 * service's test says only when it has handled one (its key is the connection id).
 */
public abstract class ConnectionEventsErrorPolicyContract extends ConsumerErrorPolicyContract {

    private static final CloudEventWriter CONNECTION_SERVICE = new CloudEventWriter("/m365platform/connection-service");

    @Override
    protected ProducerRecord<String, byte[]> validRecord() {
        return connectionCreated(List.of("User.Read.All"));
    }

    @Override
    protected ProducerRecord<String, byte[]> recordTheDatabaseRefuses() {
        return connectionCreated(List.of("User.Read.All\u0000"));
    }

    /**
     * A {@code connection.created} record of a new connection that needs reconnecting (so no service starts work for
     * it) with these permissions: the record most consumers of the platform read. Its key is the connection id.
     */
    private static ProducerRecord<String, byte[]> connectionCreated(List<String> permissions) {
        Instant now = Instant.now();
        ConnectionState state = new ConnectionState(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                Product.MICROSOFT_365, ConnectionMethod.APP_REGISTRATION, PermissionLevel.READ, "Contoso",
                ConnectionStatus.NEEDS_RECONNECT, null, null, UUID.randomUUID().toString(), permissions, List.of(),
                null, now, now, now);
        return CONNECTION_SERVICE.record(new ConnectionCreated(state, "alice", now));
    }
}
