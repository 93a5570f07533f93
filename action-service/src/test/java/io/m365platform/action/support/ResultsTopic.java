package io.m365platform.action.support;

import io.m365platform.contracts.action.ActionResultEvent;
import io.m365platform.contracts.cloudevents.CloudEventReader;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.topics.Topics;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.common.serialization.Serdes;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Everything published on m365.actions.results, read by one consumer for the life of a test class. */
public final class ResultsTopic implements AutoCloseable {

    private final CloudEventReader reader = new CloudEventReader();
    private final ConsumerTask<String, byte[]> consumer;

    public ResultsTopic(KafkaCompanion kafka) {
        this.consumer = kafka.consume(Serdes.String(), Serdes.ByteArray()).fromTopics(Topics.ACTIONS_RESULTS);
    }

    /** Every result of the action so far. */
    public List<ActionResultEvent> of(String actionId) {
        return consumer.getRecords().stream().map(reader::read)
                .filter(ReadResult.Accepted.class::isInstance)
                .map(r -> ((ReadResult.Accepted) r).envelope().data())
                .filter(ActionResultEvent.class::isInstance).map(ActionResultEvent.class::cast)
                .filter(e -> e.actionId().equals(actionId)).toList();
    }

    /** The action's first result, once there is one. */
    public <T extends ActionResultEvent> T await(String actionId, Class<T> type, Duration timeout) {
        ActionResultEvent event = org.awaitility.Awaitility.await().atMost(timeout)
                .until(() -> of(actionId).stream().findFirst().orElse(null), Objects::nonNull);
        if (!type.isInstance(event)) {
            throw new AssertionError("expected " + type.getSimpleName() + " for " + actionId + ", got " + event);
        }
        return type.cast(event);
    }

    @Override
    public void close() {
        consumer.stop();
    }
}
