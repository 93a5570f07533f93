package io.m365platform.connection.events;

import io.m365platform.connection.support.SimulatorResource;
import io.m365platform.contracts.deadletter.DeadLetter;
import io.m365platform.contracts.topics.Topics;
import io.m365platform.testsupport.kafka.DeadLetters;
import io.m365platform.testsupport.kafka.InjectKafkaCompanion;
import io.m365platform.testsupport.kafka.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An outbox row that can never be published is set aside and dead-lettered; the rows behind it still go out. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SimulatorResource.class)
class OutboxRelayTest {

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRelay relay;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void anUnreadableRowIsDeadLetteredAndDoesNotBlockTheRowsBehindIt() throws Exception {
        String connectionId = UUID.randomUUID().toString();
        long unknownType = insert(Topics.CONNECTIONS, "io.m365platform.connection.renamed.v9", connectionId,
                "{\"connectionId\":\"" + connectionId + "\"}");
        long notTheEvent = insert(Topics.CONNECTIONS, "io.m365platform.connection.deleted.v1", connectionId,
                "{\"unexpected\":true}");
        long tombstone = insert(Topics.CONNECTIONS, null, connectionId, null);

        // The relay of this instance (its poll, or this call) works through the rows.
        relay.relayAll();
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedAt(tombstone) != null);
        for (long id : new long[] {unknownType, notTheEvent}) {
            assertNull(publishedAt(id));
            assertTrue(failure(id).length() > 0, "row " + id + " is set aside with its reason");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> DeadLetters.of(kafka, connectionId).size() >= 2);
        relay.relayAll();
        List<DeadLetter> letters = DeadLetters.of(kafka, connectionId);
        assertEquals(Set.of(unknownType, notTheEvent), letters.stream().map(DeadLetter::originalOffset)
                .collect(Collectors.toSet()), "each unreadable row dead-lettered, by its outbox id");
        assertEquals(2, letters.size(), "dead-lettered once each, not again by later relays");
        letters.forEach(letter -> {
            assertEquals(OutboxRelay.OUTBOX_SOURCE, letter.originalTopic());
            assertEquals("outbox-row-unreadable", letter.reason());
        });
        assertNull(publishedAt(unknownType), "a set-aside row is not tried again");
    }

    private long insert(String topic, String type, String key, String payload) throws Exception {
        try (var db = dataSource.getConnection(); PreparedStatement s = db.prepareStatement("insert into outbox"
                + " (event_id, topic, event_type, kafka_key, payload, created_at) values (?,?,?,?,?::jsonb,?) returning id")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, topic);
            s.setString(3, type);
            s.setString(4, key);
            s.setString(5, payload);
            s.setTimestamp(6, Timestamp.from(Instant.now()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private Timestamp publishedAt(long id) throws Exception {
        return column(id, "published_at", Timestamp.class);
    }

    private String failure(long id) throws Exception {
        return column(id, "failure", String.class);
    }

    private <T> T column(long id, String column, Class<T> type) throws Exception {
        try (var db = dataSource.getConnection();
             PreparedStatement s = db.prepareStatement("select " + column + " from outbox where id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getObject(1, type);
            }
        }
    }
}
