package io.m365platform.usage.directory;

import io.m365platform.contracts.cloudevents.CloudEventReader;
import io.m365platform.contracts.cloudevents.CloudEventWriter;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.deadletter.DeadLetter;
import io.m365platform.contracts.directory.DirectoryUser;
import io.m365platform.contracts.directory.LicenseAssignment;
import io.m365platform.contracts.directory.LicenseAssignmentSynced;
import io.m365platform.contracts.directory.LicenseUnits;
import io.m365platform.contracts.directory.SubscribedSku;
import io.m365platform.contracts.directory.SubscribedSkuSynced;
import io.m365platform.contracts.directory.UserSynced;
import io.m365platform.contracts.topics.Topics;
import io.m365platform.testsupport.kafka.InjectKafkaCompanion;
import io.m365platform.testsupport.kafka.KafkaBrokerResource;
import io.m365platform.usage.support.UsageDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * sync-service's topics into usage-service's own tables: each projection follows its topic, an older replay does not
 * overwrite newer state, and a malformed record on any of the three topics is dead-lettered while the consumer goes on.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DirectoryProjectionsTest {

    private final CloudEventWriter syncService = new CloudEventWriter("/m365platform/sync-service");

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    UsageDb db;

    @Test
    void eachTopicDeadLettersAMalformedRecordAndGoesOn() {
        String connectionId = UUID.randomUUID().toString();
        String userId = UUID.randomUUID().toString();
        String skuId = UUID.randomUUID().toString();
        String groupId = UUID.randomUUID().toString();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        send(garbage(Topics.DIRECTORY_USERS, connectionId + "/bad-user"),
                // a tombstone whose key lacks the user id: the handler fails on it, the policy dead-letters it
                new ProducerRecord<>(Topics.DIRECTORY_USERS, connectionId + "-no-parts", null),
                syncService.record(new UserSynced(connectionId, "tenant", "run", at, user(userId, "Adele@Contoso.com"))));
        send(garbage(Topics.DIRECTORY_LICENSE_ASSIGNMENTS, connectionId + "/bad-license"),
                syncService.record(new LicenseAssignmentSynced(connectionId, "tenant", "run", at,
                        new LicenseAssignment(userId, "adele@contoso.com", skuId, "SPE_E5", false,
                                List.of(groupId), List.of(), List.of()))));
        send(garbage(Topics.DIRECTORY_SUBSCRIBED_SKUS, connectionId + "/bad-sku"),
                syncService.record(new SubscribedSkuSynced(connectionId, "tenant", "run", at,
                        new SubscribedSku(skuId, skuId, "SPE_E5", "Enabled", "User", 1, new LicenseUnits(5, 0, 0, 0),
                                4, List.of(), null, null, List.of()))));

        await().atMost(Duration.ofSeconds(60)).until(() -> db.count(
                "SELECT count(*) FROM directory_user WHERE connection_id = ? AND upn_lower = 'adele@contoso.com'",
                connectionId) == 1
                && db.count("SELECT count(*) FROM license_assignment WHERE connection_id = ? AND NOT assigned_directly "
                + "AND inherited_from_group_ids = ARRAY[?::text]", connectionId, groupId) == 1
                && db.count("SELECT count(*) FROM subscribed_sku WHERE connection_id = ? AND prepaid_enabled = 5",
                connectionId) == 1);

        assertEquals(Topics.DIRECTORY_USERS, deadLetter(connectionId + "/bad-user").originalTopic());
        assertEquals(Topics.DIRECTORY_USERS, deadLetter(connectionId + "-no-parts").originalTopic());
        assertEquals(Topics.DIRECTORY_LICENSE_ASSIGNMENTS, deadLetter(connectionId + "/bad-license").originalTopic());
        DeadLetter sku = deadLetter(connectionId + "/bad-sku");
        assertEquals(Topics.DIRECTORY_SUBSCRIBED_SKUS, sku.originalTopic());
        assertEquals("usage-service", sku.failedBy());
    }

    @Test
    void anOlderReplayDoesNotOverwriteAndATombstoneForgets() {
        String connectionId = UUID.randomUUID().toString();
        String userId = UUID.randomUUID().toString();
        Instant newer = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(syncService.record(new UserSynced(connectionId, "tenant", "run", newer, user(userId, "new@contoso.com"))),
                syncService.record(new UserSynced(connectionId, "tenant", "run", newer.minusSeconds(60),
                        user(userId, "old@contoso.com"))));
        String marker = UUID.randomUUID().toString();
        send(syncService.record(new UserSynced(connectionId, "tenant", "run", newer, user(marker, "m@contoso.com"))));
        await().atMost(Duration.ofSeconds(60)).until(() -> db.count(
                "SELECT count(*) FROM directory_user WHERE connection_id = ? AND user_id = ?", connectionId, marker) == 1);
        assertEquals(1, db.count("SELECT count(*) FROM directory_user WHERE connection_id = ? AND user_id = ? "
                + "AND upn_lower = 'new@contoso.com'", connectionId, userId));

        send(new ProducerRecord<>(Topics.DIRECTORY_USERS, UserSynced.key(connectionId, userId), null));
        await().atMost(Duration.ofSeconds(60)).until(() -> db.count(
                "SELECT count(*) FROM directory_user WHERE connection_id = ? AND user_id = ?", connectionId, userId) == 0);
    }

    private static DirectoryUser user(String id, String upn) {
        return new DirectoryUser(id, upn, "Adele", null, null, null, null, null, null, null, null, null, null, null,
                null, null, List.of(), null, true, "Member", null, null, "US", null, List.of(), null, null, null, false);
    }

    private static ProducerRecord<String, byte[]> garbage(String topic, String key) {
        return new ProducerRecord<>(topic, key, "{not json".getBytes(StandardCharsets.UTF_8));
    }

    @SafeVarargs
    private void send(ProducerRecord<String, byte[]>... records) {
        kafka.produce(Serdes.String(), Serdes.ByteArray()).fromRecords(List.of(records)).awaitCompletion();
    }

    private DeadLetter deadLetter(String key) {
        CloudEventReader reader = new CloudEventReader();
        var consumer = kafka.consume(Serdes.String(), Serdes.ByteArray()).fromTopics(Topics.DEAD_LETTER);
        try {
            return await().atMost(Duration.ofSeconds(30)).until(() -> consumer.getRecords().stream()
                    .map(reader::read)
                    .peek(r -> assertInstanceOf(ReadResult.Accepted.class, r, "dead letters are valid events"))
                    .map(r -> ((ReadResult.Accepted) r).envelope().dataAs(DeadLetter.class))
                    .filter(letter -> key.equals(letter.originalKey()))
                    .findFirst().orElse(null), Objects::nonNull);
        } finally {
            consumer.stop();
        }
    }
}
