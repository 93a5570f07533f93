package io.m365platform.usage;

import io.m365platform.contracts.deadletter.DeadLetter;
import io.m365platform.contracts.cloudevents.CloudEventReader;
import io.m365platform.contracts.cloudevents.CloudEventWriter;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.connection.ConnectionCreated;
import io.m365platform.contracts.connection.ConnectionDeleted;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.ConnectionState;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.contracts.connection.ConnectionStatusChanged;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Connection events travel through the real broker into the service's table; bad records are dead-lettered. */
@QuarkusTest
class TrackedConnectionsTest {

    private final CloudEventWriter connectionService = new CloudEventWriter("/m365platform/connection-service");

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void followsConnectionLifecycleAndSurvivesMalformedRecords() {
        String connectionId = UUID.randomUUID().toString();
        String tenantId = UUID.randomUUID().toString();
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ConnectionState state = connection(connectionId, tenantId, ConnectionStatus.CONNECTED, created);

        // A record that is not a CloudEvent at all, then a valid one: the consumer must not stop at the first.
        ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(Topics.CONNECTIONS, connectionId,
                "{not json".getBytes(StandardCharsets.UTF_8));
        send(garbage, connectionService.record(new ConnectionCreated(state, "alice", created)));

        awaitStatus(connectionId, "connected");

        DeadLetter letter = deadLetterFor(connectionId);
        assertEquals(Topics.CONNECTIONS, letter.originalTopic());
        assertEquals("{not json", letter.payloadText());
        assertEquals("usage-service", letter.failedBy());

        // A newer status change applies; a replayed older event must not move the state back.
        Instant later = created.plusSeconds(60);
        ConnectionState reconnect = connection(connectionId, tenantId, ConnectionStatus.NEEDS_RECONNECT, later);
        send(connectionService.record(new ConnectionStatusChanged(reconnect, ConnectionStatus.CONNECTED,
                later)), connectionService.record(new ConnectionCreated(state, "alice", created)));
        String marker = UUID.randomUUID().toString();
        Instant markerTime = Instant.now();
        send(connectionService.record(new ConnectionCreated(connection(marker, tenantId, ConnectionStatus.CONNECTED,
                markerTime), "alice", markerTime)));
        awaitStatus(marker, "connected");
        awaitStatus(connectionId, "needs-reconnect");

        send(connectionService.deletion(new ConnectionDeleted(connectionId, tenantId, "alice", later.plusSeconds(1)))
                .toArray(ProducerRecord[]::new));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(operatorToken())
                .get("/usage/connections").then().statusCode(200)
                .body("connectionId", not(hasItem(connectionId))));
    }

    @Test
    void listingNeedsTheOperatorOrServiceRole() {
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("bob", Set.of("admin")))
                .get("/usage/connections").then().statusCode(403);
    }

    private static ConnectionState connection(String connectionId, String tenantId, ConnectionStatus status,
                                              Instant at) {
        return new ConnectionState(connectionId, tenantId, Product.MICROSOFT_365, ConnectionMethod.APP_REGISTRATION,
                PermissionLevel.READ, "Contoso", status, null, null, UUID.randomUUID().toString(),
                List.of("Reports.Read.All", "User.Read.All"), List.of(), null, at, at, at);
    }

    @SafeVarargs
    private void send(ProducerRecord<String, byte[]>... records) {
        kafka.produce(Serdes.String(), Serdes.ByteArray()).fromRecords(List.of(records)).awaitCompletion();
    }

    private void awaitStatus(String connectionId, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> statuses = given().auth().oauth2(operatorToken()).get("/usage/connections")
                    .then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.connectionId == '" + connectionId + "' }.status");
            assertEquals(List.of(status), statuses);
        });
    }

    private DeadLetter deadLetterFor(String key) {
        CloudEventReader reader = new CloudEventReader();
        var consumer = kafka.consume(Serdes.String(), Serdes.ByteArray()).fromTopics(Topics.DEAD_LETTER);
        try {
            return await().atMost(Duration.ofSeconds(20)).until(() -> consumer.getRecords().stream()
                    .map(reader::read)
                    .peek(r -> assertInstanceOf(ReadResult.Accepted.class, r, "dead letters are valid events"))
                    .map(r -> ((ReadResult.Accepted) r).envelope().dataAs(DeadLetter.class))
                    .filter(letter -> key.equals(letter.originalKey()))
                    .findFirst().orElse(null), java.util.Objects::nonNull);
        } finally {
            consumer.stop();
        }
    }

    private static String operatorToken() {
        return OidcWiremockTestResource.getAccessToken("alice", Set.of("operator"));
    }
}
