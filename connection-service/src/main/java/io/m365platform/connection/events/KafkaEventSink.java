package io.m365platform.connection.events;

import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.cloudevents.CloudEventWriter;
import io.m365platform.contracts.topics.Topic;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox events as CloudEvents (binary mode, the contracts' writer validates each against its schema)
 * with an idempotent producer that waits for all in-sync replicas.
 */
@ApplicationScoped
public class KafkaEventSink implements EventSink {

    static final String SOURCE = "/m365platform/connection-service";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "connection.outbox.send-timeout", defaultValue = "30s")
    java.time.Duration sendTimeout;

    private final CloudEventWriter writer = new CloudEventWriter(SOURCE);
    private KafkaProducer<String, byte[]> producer;

    @PostConstruct
    void start() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "connection-service-outbox",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(sendTimeout.toMillis(), 15_000),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout.toMillis()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void publish(PlatformEvent event, String eventId) throws Exception {
        producer.send(writer.record(event, eventId)).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void publishTombstone(Topic topic, String key) throws Exception {
        producer.send(writer.tombstone(topic, key)).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
