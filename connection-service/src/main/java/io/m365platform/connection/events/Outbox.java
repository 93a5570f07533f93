package io.m365platform.connection.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.m365platform.connection.store.StoreException;
import io.m365platform.contracts.EventJson;
import io.m365platform.contracts.EventType;
import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.topics.Topic;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Writes events into the {@code outbox} table inside the caller's transaction, so an event exists exactly when the
 * change it reports was committed. {@link OutboxRelay} delivers them.
 */
@ApplicationScoped
public class Outbox {

    private final DataSource dataSource;
    private final Clock clock;
    private final OutboxRelay relay;

    public Outbox(DataSource dataSource, Clock clock, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.relay = relay;
    }

    public void add(PlatformEvent event) {
        EventType type = event.eventType();
        String payload;
        try {
            payload = EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + type.type(), e);
        }
        insert(type.topic(), type.type(), event.kafkaKey(), payload);
    }

    public void addTombstone(Topic topic, String key) {
        insert(topic, null, key, null);
    }

    private void insert(Topic topic, String type, String key, String payload) {
        String sql = "insert into outbox (event_id, topic, event_type, kafka_key, payload, created_at) values (?,?,?,?,?::jsonb,?)";
        try (java.sql.Connection db = dataSource.getConnection(); PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, topic.topicName());
            s.setString(3, type);
            s.setString(4, key);
            s.setString(5, payload);
            s.setTimestamp(6, Timestamp.from(clock.instant()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot write an event to the outbox", e);
        }
        relay.kickAfterCommit();
    }
}
