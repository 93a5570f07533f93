package io.m365platform.service.events;

import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.cloudevents.CloudEventWriter;
import io.m365platform.contracts.cloudevents.PreSerialized;
import io.m365platform.contracts.cloudevents.SchemaCheck;
import io.m365platform.contracts.schema.SchemaValidator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the platform's events as CloudEvents (binary mode) with one idempotent, acks=all Kafka producer per
 * service. A plain producer rather than a SmallRye emitter: sync runs publish tens of thousands of records per
 * second in batches and must know when a batch is durable before they commit a checkpoint.
 */
@ApplicationScoped
public class EventPublisher {

    private static final TextMapSetter<Headers> HEADER_SETTER =
            (headers, name, value) -> headers.remove(name).add(name, value.getBytes(StandardCharsets.UTF_8));

    private final Producer<String, byte[]> producer;
    private final CloudEventWriter writer;
    private final MeterRegistry meters;
    private final TextMapPropagator propagator;
    /**
     * Counters by topic and type, [ok, error]: looked up once, not per record (a registry look-up per record showed,
     * and so did a map keyed by a list made per record).
     */
    private final java.util.concurrent.ConcurrentMap<String, java.util.concurrent.ConcurrentMap<String, Counter[]>>
            counters = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param schemaCheck which events are validated against their schema before they are sent
     *                    ({@code platform.events.schema-check}: {@code every}, or {@code sampled} in production,
     *                    where sync runs publish hundreds of thousands of events; see {@link SchemaCheck})
     */
    @Inject
    public EventPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                          @ConfigProperty(name = "quarkus.application.name") String applicationName,
                          @ConfigProperty(name = "platform.events.schema-check", defaultValue = "every")
                          String schemaCheck,
                          MeterRegistry meters, OpenTelemetry openTelemetry) {
        this(createProducer(bootstrapServers, applicationName),
                new CloudEventWriter("/m365platform/" + applicationName, SchemaValidator.shared(),
                        SchemaCheck.parse(schemaCheck)),
                meters, openTelemetry.getPropagators().getTextMapPropagator());
    }

    EventPublisher(Producer<String, byte[]> producer, CloudEventWriter writer, MeterRegistry meters,
                   TextMapPropagator propagator) {
        this.producer = producer;
        this.writer = writer;
        this.meters = meters;
        this.propagator = propagator;
    }

    static Producer<String, byte[]> createProducer(String bootstrapServers, String applicationName) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-events");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    /** The writer (ce_source = this service): for callers that build records themselves, e.g. in batches. */
    public CloudEventWriter writer() {
        return writer;
    }

    /** Publishes one event; the future completes when the broker has it (acks=all). */
    public CompletableFuture<RecordMetadata> publish(PlatformEvent event) {
        return send(writer.record(event), event.eventType().type());
    }

    /** Publishes one event of which the caller serialised a part already (e.g. a synced entity's state). */
    public CompletableFuture<RecordMetadata> publish(PlatformEvent event, PreSerialized part) {
        return send(writer.record(event, part), event.eventType().type());
    }

    /**
     * Publishes a deletion on a compacted topic: the deleted event, then the tombstone for the same key, so replaying
     * consumers see why and compaction forgets the entity.
     */
    public CompletableFuture<Void> publishDeletion(PlatformEvent deletedEvent) {
        List<CompletableFuture<RecordMetadata>> sent = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = writer.deletion(deletedEvent);
        sent.add(send(records.get(0), deletedEvent.eventType().type()));
        sent.add(send(records.get(1), "tombstone"));
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }

    /** Sends prepared records (events or tombstones) and waits until all are durable, or fails. */
    public void publishAndWait(List<ProducerRecord<String, byte[]>> records, Duration timeout) {
        List<CompletableFuture<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            sent.add(send(record, typeOf(record)));
        }
        await(CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)), timeout);
    }

    /** Waits for a publish future, turning broker failures into {@link EventPublishingException}. */
    public static <T> T await(CompletableFuture<T> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublishingException("interrupted while publishing", e);
        } catch (ExecutionException e) {
            throw new EventPublishingException("Kafka did not accept the events: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new EventPublishingException("Kafka did not acknowledge the events within " + timeout, e);
        }
    }

    private CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record, String type) {
        // The consumer's span continues the trace of whatever published the event (a REST call, a sync run).
        propagator.inject(Context.current(), record.headers(), HEADER_SETTER);
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        producer.send(record, (metadata, error) -> {
            counter(record.topic(), type, error == null).increment();
            if (error == null) {
                result.complete(metadata);
            } else {
                result.completeExceptionally(error);
            }
        });
        return result;
    }

    private Counter counter(String topic, String type, boolean ok) {
        var byType = counters.get(topic);
        if (byType == null) {
            byType = counters.computeIfAbsent(topic, t -> new java.util.concurrent.ConcurrentHashMap<>());
        }
        Counter[] outcomes = byType.get(type);
        if (outcomes == null) {
            outcomes = byType.computeIfAbsent(type, t -> new Counter[] {
                    meters.counter("platform.events.published", "topic", topic, "type", type, "outcome", "ok"),
                    meters.counter("platform.events.published", "topic", topic, "type", type, "outcome", "error")});
        }
        return outcomes[ok ? 0 : 1];
    }

    private static String typeOf(ProducerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return "tombstone";
        }
        var header = record.headers().lastHeader(io.m365platform.contracts.cloudevents.CloudEventHeaders.TYPE);
        return header == null ? "unknown" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
