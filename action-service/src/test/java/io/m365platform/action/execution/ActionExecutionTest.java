package io.m365platform.action.execution;

import io.m365platform.action.connection.ConnectionStore;
import io.m365platform.action.store.ActionRecord;
import io.m365platform.action.store.ActionStatus;
import io.m365platform.action.store.ActionStore;
import io.m365platform.action.support.Requests;
import io.m365platform.action.support.ResultsTopic;
import io.m365platform.contracts.action.ActionCompleted;
import io.m365platform.contracts.action.ActionFailed;
import io.m365platform.contracts.action.ActionOutcome;
import io.m365platform.contracts.action.ActionRejected;
import io.m365platform.contracts.action.ActionRequested;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.SetManagerParameters;
import io.m365platform.contracts.action.parameters.TransferOneDriveParameters;
import io.m365platform.contracts.action.parameters.UpdateUserParameters;
import io.m365platform.contracts.action.parameters.UserTarget;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;
import io.m365platform.contracts.deadletter.DeadLetter;
import io.m365platform.contracts.topics.Topics;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.faults.FaultRule;
import io.m365platform.graphsim.model.RoleAssignment;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.testsupport.graph.ConnectedTenants;
import io.m365platform.testsupport.graph.InjectSimulator;
import io.m365platform.testsupport.kafka.DeadLetters;
import io.m365platform.testsupport.kafka.InjectKafkaCompanion;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Actions requested on Kafka run against the Graph simulator: the tenant afterwards (simulator ground truth), the
 * result event and the action record; redeliveries, malformed requests, read-level connections, throttling and
 * permanent Graph errors.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionExecutionTest {

    static final Set<String> WRITE = Set.of("User.ReadWrite.All", "Group.ReadWrite.All", "Files.ReadWrite.All",
            "User.RevokeSessions.All", "MailboxSettings.ReadWrite");
    static final Duration WAIT = Duration.ofSeconds(30);

    @InjectSimulator
    GraphSimulator sim;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    ConnectedTenants tenants;

    @Inject
    ConnectionStore connections;

    @Inject
    ActionStore actions;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    ResultsTopic results;
    ConnectedTenants.TestConnection writer;
    ConnectedTenants.TestConnection reader;

    @BeforeAll
    void connect() {
        results = new ResultsTopic(kafka);
        writer = tenants.connect(sim.tenants().generate(new GenerationSpec(501, 60, "exec-rw")), WRITE,
                Product.MICROSOFT_365, ConnectionMethod.APP_REGISTRATION, PermissionLevel.READ_WRITE);
        reader = tenants.connect(sim.tenants().generate(new GenerationSpec(502, 20, "exec-r")),
                Set.of("User.Read.All"), Product.MICROSOFT_365, ConnectionMethod.APP_REGISTRATION,
                PermissionLevel.READ);
        await().atMost(WAIT).until(() -> connections.find(writer.connectionId()).isPresent()
                && connections.find(reader.connectionId()).isPresent());
    }

    @AfterAll
    void close() {
        results.close();
    }

    List<User> plainMembers(Tenant t) {
        Set<String> admins = t.read(() -> t.roleAssignmentList().stream().map(RoleAssignment::principalId)
                .collect(Collectors.toSet()));
        return t.users().list().stream().filter(u -> !admins.contains(u.id()) && !u.isGuest() && u.accountEnabled())
                .toList();
    }

    ActionRecord record(String actionId) {
        return actions.find(actionId).orElseThrow();
    }

    @Test
    void aRequestDeliveredThreeTimesHasOneEffectAndOneResult() {
        User user = plainMembers(writer.tenant()).get(0);
        ActionRequested request = Requests.request(writer, ActionType.DISABLE_USER, new UserTarget(user.id()));
        ProducerRecord<String, byte[]> record = Requests.record(request);
        long patchesBefore = sim.counters().count("PATCH /v1.0/users/{id}");
        Requests.send(kafka, List.of(record, record, record));

        ActionCompleted completed = results.await(request.actionId(), ActionCompleted.class, WAIT);
        assertEquals(ActionOutcome.APPLIED, completed.result().outcome());
        assertEquals("true → false", completed.result().details().get("changed.accountEnabled"));
        assertEquals(user.id(), completed.targetId());
        assertFalse(writer.tenant().users().get(user.id()).accountEnabled(), "ground truth: the account is disabled");

        ActionRecord stored = record(request.actionId());
        assertEquals(ActionStatus.COMPLETED, stored.status());
        assertEquals(Requests.SOURCE, stored.requester(), "the requester is the CloudEvent source");
        assertEquals(1, stored.attempts());
        assertEquals(List.of("GET", "PATCH"), stored.graphCalls().stream().map(c -> c.method()).toList());
        assertTrue(stored.graphCalls().stream().allMatch(c -> c.requestId() != null), "request-ids recorded");

        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
        assertEquals(1, results.of(request.actionId()).size(), "one result for three deliveries");
        assertEquals(1, sim.counters().count("PATCH /v1.0/users/{id}") - patchesBefore, "one write for three");
    }

    @Test
    void malformedRequestsAmongValidOnesAreRefusedAndTheValidRunInOrderPerUser() {
        User user = plainMembers(writer.tenant()).get(1);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        List<String> garbageKeys = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ActionRequested step = Requests.request(writer, ActionType.UPDATE_USER, new UpdateUserParameters(user.id(),
                    null, null, null, "step-" + i, null, null, null, null, null, null));
            valid.add(step.actionId());
            records.add(Requests.record(step));
            // Names its action, connection and tenant but lacks the user: answered with a rejection.
            String badId = UUID.randomUUID().toString();
            invalid.add(badId);
            String bad = """
                    {"actionId":"%s","connectionId":"%s","tenantId":"%s","type":"update-user",
                     "parameters":{"jobTitle":"x"},"requestedBy":"workflow","requestedAt":"2026-01-01T00:00:00Z"}
                    """.formatted(badId, writer.connectionId(), writer.tenant().id());
            records.add(new ProducerRecord<>(Topics.ACTIONS_REQUESTS, null, step.kafkaKey(),
                    bad.getBytes(StandardCharsets.UTF_8), Requests.record(step).headers()));
            // Not even JSON: dead-lettered whole.
            String garbageKey = "garbage-" + UUID.randomUUID();
            garbageKeys.add(garbageKey);
            records.add(new ProducerRecord<>(Topics.ACTIONS_REQUESTS, garbageKey, new byte[] {(byte) 0xC3, 0x28}));
        }
        Requests.send(kafka, records);

        for (String id : valid) {
            results.await(id, ActionCompleted.class, WAIT);
        }
        assertEquals("step-6", writer.tenant().users().get(user.id()).jobTitle(), "the last request wins");
        // Each step saw the one before it: the requests ran one after the other, in request order.
        for (int i = 2; i <= 6; i++) {
            assertEquals("step-" + (i - 1) + " → step-" + i,
                    record(valid.get(i - 1)).details().get("changed.jobTitle"));
        }
        for (String id : invalid) {
            ActionRejected rejected = results.await(id, ActionRejected.class, WAIT);
            assertTrue(rejected.errors().stream().anyMatch(e -> e.field().contains("parameters")), rejected.toString());
            assertEquals(ActionStatus.REJECTED, record(id).status());
        }
        for (String key : garbageKeys) {
            DeadLetter letter = DeadLetters.awaitFor(kafka, key, WAIT);
            assertEquals(Topics.ACTIONS_REQUESTS, letter.originalTopic());
        }
    }

    @Test
    void aReadLevelConnectionIsRefusedWithTheFix() {
        User user = plainMembers(reader.tenant()).get(0);
        ActionRequested request = Requests.request(reader, ActionType.DISABLE_USER, new UserTarget(user.id()));
        Requests.send(kafka, List.of(Requests.record(request)));
        ActionRejected rejected = results.await(request.actionId(), ActionRejected.class, WAIT);
        String message = rejected.errors().get(0).message();
        assertTrue(message.contains("permission level read"), message);
        assertTrue(message.contains("Change the connection's permission level to read-write"), message);
        ActionRecord stored = record(request.actionId());
        assertEquals("read-only-connection", stored.errorCode());
        assertNotNull(stored.fix());
        assertTrue(stored.graphCalls().isEmpty(), "never attempted");
        assertTrue(reader.tenant().users().get(user.id()).accountEnabled());
    }

    @Test
    void aThrottledAttemptWaitsForRetryAfterAndIsTriedAgain() {
        User user = plainMembers(writer.tenant()).get(2);
        String id = sim.faults().add(FaultRule.throttle(1).method("PATCH").path("/v1.0/users/" + user.id())
                .times(2)).id();
        try {
            ActionRequested request = Requests.request(writer, ActionType.UPDATE_USER, new UpdateUserParameters(
                    user.id(), null, null, null, null, "Throttled Dept", null, null, null, null, null));
            Requests.send(kafka, List.of(Requests.record(request)));
            ActionCompleted completed = results.await(request.actionId(), ActionCompleted.class, WAIT);
            assertEquals(3, completed.attempts(), "two throttled attempts, then success");
            assertEquals("Throttled Dept", writer.tenant().users().get(user.id()).department());
            assertEquals(List.of(429, 429, 204), record(request.actionId()).graphCalls().stream()
                    .filter(c -> c.method().equals("PATCH")).map(c -> c.status()).toList());
        } finally {
            sim.faults().remove(id);
        }
    }

    @Test
    void aPermanentGraphErrorFailsWithWhatToDo() {
        User user = plainMembers(writer.tenant()).get(3);
        ActionRequested request = Requests.request(writer, ActionType.SET_MANAGER,
                new SetManagerParameters(user.id(), UUID.randomUUID().toString()));
        Requests.send(kafka, List.of(Requests.record(request)));
        ActionFailed failed = results.await(request.actionId(), ActionFailed.class, WAIT);
        assertEquals("not-found", failed.errorCode());
        assertFalse(failed.retryable());
        assertEquals(404, failed.graphStatus());
        assertTrue(failed.message().contains("Check the ids"), failed.message());
        assertEquals(ActionStatus.FAILED, record(request.actionId()).status());
        assertEquals(1, record(request.actionId()).attempts(), "not retried");
    }

    @Test
    void aOneDriveTransferCompletesAfterItsCopiesWithProgressInBetween() {
        Tenant t = writer.tenant();
        List<User> drives = plainMembers(t).stream().filter(u -> t.read(() -> t.hasServicePlan(u, "SHAREPOINT")))
                .toList();
        User leaver = drives.get(0);
        User manager = drives.get(1);
        ActionRequested request = Requests.request(writer, ActionType.TRANSFER_ONEDRIVE_TO_MANAGER,
                new TransferOneDriveParameters(leaver.id(), manager.id(), "Transfer " + leaver.id()));
        Requests.send(kafka, List.of(Requests.record(request)));
        ActionCompleted completed = results.await(request.actionId(), ActionCompleted.class, WAIT);
        assertEquals(manager.id(), completed.result().details().get("receiver"));
        ActionRecord stored = record(request.actionId());
        assertTrue(stored.graphCalls().stream().anyMatch(c -> c.method().equals("POST") && c.path().endsWith("/copy")
                && c.status() == 202), "copies accepted with 202");
        assertEquals(completed.result().resourceId(), stored.resourceId());
        assertEquals(1, results.of(request.actionId()).size());
    }
    @Test
    void anActionWhoseInstanceDiedMidRunIsTakenOverWhenItsLeaseExpires() throws Exception {
        User user = plainMembers(writer.tenant()).get(4);
        ActionRequested request = Requests.request(writer, ActionType.REVOKE_SESSIONS, new UserTarget(user.id()));
        // What a crashed instance leaves behind: the action running under its lease, the lease running out.
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                INSERT INTO action_log (action_id, connection_id, tenant_id, action_type, target_id, ordering_key,
                                        status, parameters, requested_by, requested_at, requester, attempts,
                                        lease_owner, lease_until)
                VALUES (?, ?, ?, 'revoke-sessions', ?, ?, 'running', ?::jsonb, 'workflow', now(), 'test', 1,
                        'crashed-instance', now() + interval '5 seconds')
                """)) {
            s.setString(1, request.actionId());
            s.setString(2, writer.connectionId());
            s.setString(3, writer.tenant().id());
            s.setString(4, user.id());
            s.setString(5, request.kafkaKey());
            s.setString(6, "{\"userId\":\"" + user.id() + "\"}");
            s.executeUpdate();
        }
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        assertEquals(ActionStatus.RUNNING, record(request.actionId()).status(), "not taken while the lease holds");
        ActionCompleted completed = results.await(request.actionId(), ActionCompleted.class, WAIT);
        assertEquals(2, completed.attempts(), "the crashed attempt counts");
        assertEquals(1, results.of(request.actionId()).size());
    }
    @Test
    void replyTextsReachGraphButDoNotStayInTheTable() {
        Tenant t = writer.tenant();
        User user = plainMembers(t).stream().filter(u -> t.read(() -> t.hasServicePlan(u, "EXCHANGE_S_")))
                .findFirst().orElseThrow();
        ActionRequested request = Requests.request(writer, ActionType.SET_AUTOMATIC_REPLIES,
                new io.m365platform.contracts.action.parameters.SetAutomaticRepliesParameters(user.id(),
                        io.m365platform.contracts.action.parameters.SetAutomaticRepliesParameters.Status.ALWAYS_ENABLED,
                        null, "Private farewell text", null, null, null));
        Requests.send(kafka, List.of(Requests.record(request)));
        ActionCompleted completed = results.await(request.actionId(), ActionCompleted.class, WAIT);
        assertFalse(completed.result().details().toString().contains("farewell"), "not in the result");
        ActionRecord stored = record(request.actionId());
        assertFalse(stored.parameters().has("internalReplyMessage"), "dropped from the table once run");
        assertEquals("alwaysEnabled", stored.parameters().path("status").asText());
    }
}
