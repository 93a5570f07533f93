package io.m365platform.action.bench;

import io.m365platform.action.connection.ConnectionStore;
import io.m365platform.action.support.Requests;
import io.m365platform.contracts.action.ActionCompleted;
import io.m365platform.contracts.action.ActionRequested;
import io.m365platform.contracts.action.ActionResultEvent;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.UpdateUserParameters;
import io.m365platform.contracts.cloudevents.CloudEventReader;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;
import io.m365platform.contracts.topics.Topics;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.model.RoleAssignment;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.testsupport.graph.ConnectedTenants;
import io.m365platform.testsupport.graph.InjectSimulator;
import io.m365platform.testsupport.kafka.InjectKafkaCompanion;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Harness, not a test: Kafka → action-service → Graph simulator → result event, for simple actions (update-user)
 * spread over the users of one tenant, several per user so that per-user order is exercised. Prints and writes to
 * {@code target/benchmarks/action-service.txt}: actions/s, p50/p99 added latency (result time − request time),
 * Graph requests per action, and whether every user ended with the value of its last request.
 *
 * <pre>./mvnw -pl action-service verify -Dtest=ActionBenchmark -Dbench=true -Dbench.actions=10000</pre>
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ActionBenchmark {

    @InjectSimulator
    GraphSimulator sim;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    ConnectedTenants tenants;

    @Inject
    ConnectionStore connections;

    @Test
    void simpleActionsOverOneTenant() throws Exception {
        int actions = Integer.getInteger("bench.actions", 10_000);
        int userCount = Integer.getInteger("bench.users", 1_000);
        Tenant tenant = sim.tenants().generate(new GenerationSpec(901, userCount, "bench"));
        var c = tenants.connect(tenant, Set.of("User.ReadWrite.All"), Product.MICROSOFT_365,
                ConnectionMethod.APP_REGISTRATION, PermissionLevel.READ_WRITE);
        await().atMost(Duration.ofSeconds(30)).until(() -> connections.find(c.connectionId()).isPresent());
        Set<String> admins = tenant.read(() -> tenant.roleAssignmentList().stream().map(RoleAssignment::principalId)
                .collect(Collectors.toSet()));
        List<User> users = tenant.users().list().stream().filter(u -> !admins.contains(u.id())).toList();

        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(actions);
        Map<String, String> lastTitle = new HashMap<>();
        for (int i = 0; i < actions; i++) {
            User user = users.get(i % users.size());
            String title = "bench-" + i;
            lastTitle.put(user.id(), title);
            ActionRequested request = Requests.request(c, ActionType.UPDATE_USER, new UpdateUserParameters(user.id(),
                    null, null, null, title, null, null, null, null, null, null));
            records.add(Requests.record(request));
        }
        var consumer = kafka.consume(Serdes.String(), Serdes.ByteArray()).fromTopics(Topics.ACTIONS_RESULTS);
        long graphBefore = sim.counters().snapshot().values().stream()
                .flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
        long start = System.nanoTime();
        kafka.produce(Serdes.String(), Serdes.ByteArray()).fromRecords(records).awaitCompletion();
        CloudEventReader reader = new CloudEventReader();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250)).until(() -> consumer.getRecords()
                .stream().filter(r -> isCompletedOf(r, c.connectionId())).count() >= actions);
        double seconds = (System.nanoTime() - start) / 1e9;
        long graphAfter = sim.counters().snapshot().values().stream()
                .flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
        List<ActionCompleted> done = completedOf(consumer.getRecords(), reader, c.connectionId());
        consumer.stop();

        long[] latencies = done.stream().mapToLong(e -> 0).toArray();
        Map<String, Instant> requested = new HashMap<>();
        records.forEach(r -> requested.put(new String(r.headers().lastHeader("ce_subject").value()).split("/")[1],
                Instant.parse(new String(r.headers().lastHeader("ce_time").value()))));
        for (int i = 0; i < done.size(); i++) {
            ActionCompleted e = done.get(i);
            latencies[i] = Duration.between(requested.get(e.actionId()), e.completedAt()).toMillis();
        }
        java.util.Arrays.sort(latencies);
        long wrongOrder = lastTitle.entrySet().stream()
                .filter(e -> !e.getValue().equals(tenant.users().get(e.getKey()).jobTitle())).count();
        String report = """
                action-service benchmark (%s)
                actions: %d update-user over %d users of one tenant (%d per user, in order), %d cores
                wall time: %.1f s  →  %.0f actions/s
                added latency (request time → completed): p50 %d ms, p99 %d ms, max %d ms
                Graph requests per action: %.2f (GET before PATCH; tokens included)
                users whose last request is not their final state: %d
                """.formatted(Instant.now(), actions, users.size(), actions / users.size(),
                Runtime.getRuntime().availableProcessors(), seconds, actions / seconds,
                latencies[latencies.length / 2], latencies[(int) (latencies.length * 0.99)],
                latencies[latencies.length - 1], (graphAfter - graphBefore) / (double) actions, wrongOrder);
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "action-service.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertEquals(0, wrongOrder, "per-user order kept");
    }

    /** Cheap check from the headers, without parsing the event. */
    private static boolean isCompletedOf(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> r,
                                         String connectionId) {
        var type = r.headers().lastHeader("ce_type");
        var subject = r.headers().lastHeader("ce_subject");
        return type != null && subject != null && new String(type.value()).endsWith("action.completed.v1")
                && new String(subject.value()).startsWith(connectionId + "/");
    }

    private static List<ActionCompleted> completedOf(List<org.apache.kafka.clients.consumer.ConsumerRecord<String,
            byte[]>> records, CloudEventReader reader, String connectionId) {
        Map<String, ActionCompleted> byId = new HashMap<>();
        for (var r : records) {
            if (reader.read(r) instanceof ReadResult.Accepted a && a.envelope().data() instanceof ActionResultEvent e
                    && e instanceof ActionCompleted completed && completed.connectionId().equals(connectionId)) {
                byId.putIfAbsent(completed.actionId(), completed);
            }
        }
        return new ArrayList<>(byId.values());
    }
}
