package io.m365platform.action.intake;

import io.m365platform.contracts.action.ActionRejected;
import io.m365platform.contracts.action.ActionRequested;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.deadletter.DeadLetter;
import io.m365platform.contracts.action.parameters.GroupMemberParameters;
import io.m365platform.contracts.cloudevents.CloudEventReader;
import io.m365platform.contracts.cloudevents.CloudEventWriter;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.topics.Topics;
import io.m365platform.testsupport.kafka.InjectKafkaCompanion;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Action requests arrive through the real broker; valid ones are logged once, invalid ones answered or dead-lettered. */
@QuarkusTest
class ActionIntakeTest {

    private final CloudEventWriter requester = new CloudEventWriter("/m365platform/workflow-engine");
    private final CloudEventReader reader = new CloudEventReader();

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void validRequestIsRecordedOnceEvenWhenDeliveredTwice() {
        ActionRequested request = addGroupMember(UUID.randomUUID().toString());
        ProducerRecord<String, byte[]> record = requester.record(request);
        send(record, record);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(operatorToken())
                .get("/actions/" + request.actionId()).then().statusCode(200)
                .body("status", anyOf(equalTo("received"), equalTo("running")))
                .body("actionType", equalTo("add-group-member"))
                .body("targetId", equalTo("group-1"))
                .body("parameters.groupId", equalTo("group-1")));
        assertEquals(1, rowsFor(request.actionId()), "a redelivered request must not be logged twice");
    }

    @Test
    void invalidRequestIsAnsweredWithEveryProblemAndTheConsumerGoesOn() {
        String actionId = UUID.randomUUID().toString();
        String connectionId = UUID.randomUUID().toString();
        // Names who asked (so it can be answered) but lacks the member to add and carries an unknown requestedAt.
        String invalid = """
                {"actionId":"%s","connectionId":"%s","tenantId":"t-1","type":"add-group-member",
                 "parameters":{"groupId":"group-1"},"requestedBy":"workflow","requestedAt":"yesterday"}
                """.formatted(actionId, connectionId);
        ProducerRecord<String, byte[]> bad = new ProducerRecord<>(Topics.ACTIONS_REQUESTS, null, connectionId + "/x",
                invalid.getBytes(StandardCharsets.UTF_8), requester.record(addGroupMember(actionId)).headers());
        ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(Topics.ACTIONS_REQUESTS, "garbage-" + actionId,
                new byte[] {(byte) 0xC3, 0x28, 0x00});
        ActionRequested afterwards = addGroupMember(UUID.randomUUID().toString());
        send(bad, garbage, requester.record(afterwards));

        ActionRejected rejected = awaitEvent(Topics.ACTIONS_RESULTS, ActionRejected.class,
                r -> r.actionId().equals(actionId));
        assertEquals(connectionId, rejected.connectionId());
        assertEquals(ActionType.ADD_GROUP_MEMBER, rejected.type());
        List<String> fields = rejected.errors().stream().map(e -> e.field()).toList();
        assertTrue(fields.stream().anyMatch(f -> f.contains("parameters")), "missing memberId reported: " + fields);
        assertTrue(fields.stream().anyMatch(f -> f.contains("requestedAt")), "bad requestedAt reported: " + fields);

        DeadLetter letter = awaitEvent(Topics.DEAD_LETTER, DeadLetter.class,
                d -> ("garbage-" + actionId).equals(d.originalKey()));
        assertEquals(Topics.ACTIONS_REQUESTS, letter.originalTopic());
        assertFalse(letter.payloadBase64() == null, "non-UTF-8 payload kept as base64");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(operatorToken())
                .get("/actions/" + afterwards.actionId()).then().statusCode(200).body("status", anyOf(equalTo("received"), equalTo("running"))));
        given().auth().oauth2(operatorToken()).get("/actions/" + actionId).then().statusCode(200)
                .body("status", equalTo("rejected"));
    }

    @Test
    void unknownActionIs404AndRolesAreEnforced() {
        given().auth().oauth2(operatorToken()).get("/actions/" + UUID.randomUUID()).then().statusCode(404)
                .body("error", equalTo("not-found"));
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("bob", Set.of("admin")))
                .get("/actions/x").then().statusCode(403);
    }

    private static ActionRequested addGroupMember(String actionId) {
        return new ActionRequested(actionId, "connection-1", "t-1", ActionType.ADD_GROUP_MEMBER,
                new GroupMemberParameters("group-1", "user-1"), "workflow", "onboarding", null, Instant.now());
    }

    @SafeVarargs
    private void send(ProducerRecord<String, byte[]>... records) {
        kafka.produce(Serdes.String(), Serdes.ByteArray()).fromRecords(List.of(records)).awaitCompletion();
    }

    private <T> T awaitEvent(String topic, Class<T> type, Predicate<T> match) {
        var consumer = kafka.consume(Serdes.String(), Serdes.ByteArray()).fromTopics(topic);
        try {
            return await().atMost(Duration.ofSeconds(30)).until(() -> consumer.getRecords().stream()
                    .map(reader::read)
                    .filter(ReadResult.Accepted.class::isInstance)
                    .map(r -> ((ReadResult.Accepted) r).envelope().data())
                    .filter(type::isInstance).map(type::cast)
                    .filter(match).findFirst().orElse(null), Objects::nonNull);
        } finally {
            consumer.stop();
        }
    }

    private static int rowsFor(String actionId) {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (var c = java.sql.DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                "postgres", "");
             var s = c.prepareStatement("select count(*) from action.action_log where action_id = ?")) {
            s.setString(1, actionId);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String operatorToken() {
        return OidcWiremockTestResource.getAccessToken("alice", Set.of("operator"));
    }
}
