package io.m365platform.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.sync.ResourceCounts;
import io.m365platform.contracts.sync.SyncRequested;
import io.m365platform.contracts.topics.TopicCatalog;
import io.m365platform.contracts.topics.TopicSpec;
import io.m365platform.localstack.console.Console;
import io.m365platform.localstack.kafka.TopicCensus;
import io.m365platform.localstack.simulator.LocalSimulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo of the local run: connect the simulator's demo tenant through connection-service (app registration),
 * ask sync-service for a full sync, follow the run on {@code m365.sync.runs} until it ends, then count what the
 * topics hold for the connection. Each step that cannot be done (a service not running, an API not finished) is
 * reported and the rest carries on.
 */
public final class DemoRun {

    /** Connection statuses with which a sync can run (permissions-missing: the allowed resources are synced). */
    private static final Set<String> SYNCABLE = Set.of("connected", "permissions-missing");

    private final Console console;
    private final ConnectionsApi connections;
    private final LocalSimulator simulator;
    private final String bootstrapServers;
    private final boolean syncServiceRunning;
    private final Duration syncTimeout;

    public DemoRun(Console console, ConnectionsApi connections, LocalSimulator simulator, String bootstrapServers,
                   boolean syncServiceRunning, Duration syncTimeout) {
        this.console = console;
        this.connections = connections;
        this.simulator = simulator;
        this.bootstrapServers = bootstrapServers;
        this.syncServiceRunning = syncServiceRunning;
        this.syncTimeout = syncTimeout;
    }

    public DemoResult run() throws InterruptedException {
        List<String> problems = new ArrayList<>();
        Optional<JsonNode> connection = connect(problems);
        Optional<SyncRunWatcher.Outcome> outcome = Optional.empty();
        if (connection.isPresent()) {
            outcome = sync(connection.get(), problems);
        }
        Map<String, TopicCensus.Count> census = Map.of();
        if (connection.isPresent()) {
            Console.Step step = console.step("Reading the topics back (records of this connection)");
            try {
                census = TopicCensus.count(bootstrapServers,
                        TopicCatalog.all().stream().map(TopicSpec::name).toList(),
                        connection.get().path("id").asText());
                step.ok();
            } catch (RuntimeException e) {
                step.failed(e.getMessage());
                problems.add("could not read the topics back: " + e.getMessage());
            }
        }
        return new DemoResult(connection, outcome, census, problems);
    }

    private Optional<JsonNode> connect(List<String> problems) throws InterruptedException {
        String tenant = simulator.demoTenantDomain();
        String clientId = simulator.demoApp().clientId();
        Console.Step step = console.step("Connecting the demo tenant " + tenant + " (app registration)");
        try {
            Optional<JsonNode> existing = connections.find(tenant, clientId);
            JsonNode view;
            if (existing.isPresent()) {
                view = connections.test(existing.get().path("id").asText());
                step.ok("connection " + view.path("id").asText() + " from an earlier run, tested again: "
                        + view.path("status").asText());
            } else {
                view = connections.create(tenant, clientId, simulator.demoApp().secret(), "Contoso (local demo)");
                step.ok("connection " + view.path("id").asText() + ": " + view.path("status").asText());
            }
            return Optional.of(view);
        } catch (ConnectionsApi.ApiUnavailableException e) {
            step.failed(e.getMessage());
            problems.add("demo tenant not connected: " + e.getMessage());
        } catch (java.io.IOException | RuntimeException e) {
            step.failed(e.getMessage());
            problems.add("demo tenant not connected: connection-service could not be called (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    private Optional<SyncRunWatcher.Outcome> sync(JsonNode connection, List<String> problems) {
        String connectionId = connection.path("id").asText();
        String status = connection.path("status").asText();
        if (!syncServiceRunning) {
            problems.add("no sync: sync-service is not running");
            return Optional.empty();
        }
        if (!SYNCABLE.contains(status)) {
            problems.add("no sync: the connection is " + status + " (" + connection.path("statusReason").asText("no reason given")
                    + "); fix: " + connection.path("fix").asText("see connection-service's log"));
            return Optional.empty();
        }
        String tenantId = connection.path("tenantId").asText(simulator.demoTenantId());
        Console.Step step = console.step("Syncing the demo tenant (full run)");
        try (SyncRunWatcher watcher = new SyncRunWatcher(bootstrapServers)) {
            Instant requestedAt = Instant.now();
            SyncRequested request = SyncRequests.requestFull(bootstrapServers, connectionId, tenantId);
            Optional<SyncRunWatcher.Outcome> outcome = watcher.await(connectionId, request.requestId(), requestedAt,
                    syncTimeout, progress -> step.update(describe(progress.counts())));
            if (outcome.isEmpty()) {
                step.failed("no run ended within " + syncTimeout.toSeconds() + " s");
                problems.add("the sync did not end within " + syncTimeout.toSeconds() + " s: see sync-service's log");
            } else if (outcome.get().completed()) {
                step.ok("run " + outcome.get().event().syncRunId());
            } else {
                step.failed(outcome.get().event().getClass().getSimpleName() + " (see the summary)");
                problems.add("the sync run did not complete: " + outcome.get().event());
            }
            return outcome;
        } catch (Exception e) {
            step.failed(e.getMessage());
            problems.add("could not run the sync: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String describe(List<ResourceCounts> counts) {
        long fetched = counts.stream().mapToLong(ResourceCounts::fetched).sum();
        return fetched + " objects read";
    }
}
