package io.m365platform.service.events;

import io.m365platform.contracts.cloudevents.CloudEventHeaders;
import io.m365platform.contracts.cloudevents.CloudEventWriter;
import io.m365platform.contracts.connection.ConnectionDeleted;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventPublisherTest {

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EventPublisher publisher = new EventPublisher(producer,
            new CloudEventWriter("/m365platform/test-service"), meters, W3CTraceContextPropagator.getInstance());

    @Test
    void deletionIsTheDeletedEventThenTheTombstoneAndCarriesTheCurrentTrace() {
        SpanContext trace = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                TraceFlags.getSampled(), TraceState.getDefault());
        try (Scope ignored = Span.wrap(trace).makeCurrent()) {
            publisher.publishDeletion(new ConnectionDeleted("c-1", "t-1", "alice", Instant.now())).join();
        }
        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertEquals(2, sent.size());
        assertEquals("c-1", sent.get(0).key());
        assertEquals("io.m365platform.connection.deleted.v1", header(sent.get(0), CloudEventHeaders.TYPE));
        assertEquals("c-1", sent.get(1).key());
        assertNull(sent.get(1).value(), "second record is the tombstone");
        assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", header(sent.get(0), "traceparent"));
        assertEquals(1.0, meters.counter("platform.events.published", "topic", "m365.connections",
                "type", "io.m365platform.connection.deleted.v1", "outcome", "ok").count());
    }

    @Test
    void aBrokerFailureIsAPublishingFailureNotASilentLoss() {
        MockProducer<String, byte[]> failing =
                new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        EventPublisher withFailingBroker = new EventPublisher(failing, new CloudEventWriter("/m365platform/test"),
                meters, W3CTraceContextPropagator.getInstance());
        var future = withFailingBroker.publish(new ConnectionDeleted("c-2", "t-1", "alice", Instant.now()));
        failing.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker gone"));
        EventPublishingException e = assertThrows(EventPublishingException.class,
                () -> EventPublisher.await(future, Duration.ofSeconds(1)));
        assertEquals("Kafka did not accept the events: broker gone", e.getMessage());
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
