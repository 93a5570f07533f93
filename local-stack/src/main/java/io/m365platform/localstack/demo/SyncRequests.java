package io.m365platform.localstack.demo;

import io.m365platform.contracts.cloudevents.CloudEventWriter;
import io.m365platform.contracts.sync.SyncMode;
import io.m365platform.contracts.sync.SyncRequested;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Asks sync-service for a run the way any platform service does: a {@code sync.requested.v1} CloudEvent on
 * {@code m365.sync.requests}, keyed by connection.
 */
public final class SyncRequests {

    private static final String SOURCE = "/m365platform/local-stack";

    private SyncRequests() {
    }

    /** Publishes the request and returns it (its requestId identifies the run that answers it). */
    public static SyncRequested requestFull(String bootstrapServers, String connectionId, String tenantId)
            throws Exception {
        SyncRequested request = new SyncRequested(UUID.randomUUID().toString(), connectionId, tenantId, SyncMode.FULL,
                List.of(), "local-stack", "local demo: first sync of the demo tenant", Instant.now(), null);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "local-stack-sync-requests");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new CloudEventWriter(SOURCE).record(request)).get(30, TimeUnit.SECONDS);
        }
        return request;
    }
}
