package io.m365platform.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.topics.TopicCatalog;
import io.m365platform.contracts.topics.TopicSpec;
import io.m365platform.localstack.console.Console;
import io.m365platform.localstack.kafka.TopicCensus;
import io.m365platform.graphsim.tenant.AppOperations.RegisteredApp;
import io.m365platform.localstack.simulator.LocalSimulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo of the local run: connect the simulator's demo tenant for both products (Microsoft 365 and Microsoft
 * Teams, each with its own app registration granted what connection-service's setup guide lists for the read-write
 * level) through connection-service's REST API, trigger a full sync of each through sync-service's REST API and
 * follow it until it ends, check that its final event is on {@code m365.sync.runs}, then count what the topics hold
 * for each connection. Each step that cannot be done (a service not running, an API not finished) is reported and
 * the rest carries on.
 */
public final class DemoRun {

    public static final String MICROSOFT_365 = "microsoft-365";
    public static final String MICROSOFT_TEAMS = "microsoft-teams";
    /** The level the demo connects at: read-write, so that the actions of the demo can run. */
    static final String LEVEL = "read-write";

    /** How long the demo waits for usage-service's first stored usage day. */
    private static final Duration USAGE_TIMEOUT = Duration.ofSeconds(120);

    /** Connection statuses with which a sync can run (permissions-missing: the allowed resources are synced). */
    private static final Set<String> SYNCABLE = Set.of("connected", "permissions-missing");

    private final Console console;
    private final ConnectionsApi connections;
    private final LocalSimulator simulator;
    private final String bootstrapServers;
    private final Optional<SyncApi> syncApi;
    private final Optional<UsageApi> usageApi;
    private final Optional<ActionsApi> actionsApi;
    private final Duration syncTimeout;

    /** {@code syncApi}, {@code usageApi}, {@code actionsApi} empty: that service is not running. */
    public DemoRun(Console console, ConnectionsApi connections, LocalSimulator simulator, String bootstrapServers,
                   Optional<SyncApi> syncApi, Optional<UsageApi> usageApi, Optional<ActionsApi> actionsApi,
                   Duration syncTimeout) {
        this.console = console;
        this.connections = connections;
        this.simulator = simulator;
        this.bootstrapServers = bootstrapServers;
        this.syncApi = syncApi;
        this.usageApi = usageApi;
        this.actionsApi = actionsApi;
        this.syncTimeout = syncTimeout;
    }

    public DemoResult run() throws InterruptedException {
        List<String> problems = new ArrayList<>();
        List<DemoResult.ProductDemo> products = new ArrayList<>();
        products.add(product(MICROSOFT_365, "Microsoft 365", simulator.demoApp(), problems));
        products.add(product(MICROSOFT_TEAMS, "Microsoft Teams", simulator.teamsDemoApp(), problems));
        Optional<JsonNode> microsoft365 = products.get(0).connection();
        Optional<DemoResult.UsageFigures> usage = microsoft365.isPresent()
                ? usage(microsoft365.get().path("id").asText(), problems) : Optional.empty();
        List<String> actions = microsoft365.isPresent()
                ? actions(microsoft365.get().path("id").asText(), problems) : List.of();
        return new DemoResult(products, usage, actions, problems);
    }

    /**
     * A few workflow actions through action-service on the read-write Microsoft 365 connection: a dry run of
     * disabling a user (nothing changes), then disable, revoke sign-in sessions, enable again; each checked against
     * the simulator's ground truth.
     */
    private List<String> actions(String connectionId, List<String> problems) throws InterruptedException {
        if (actionsApi.isEmpty()) {
            problems.add("no actions: action-service is not running");
            return List.of();
        }
        ActionsApi api = actionsApi.get();
        Map.Entry<String, String> target = simulator.demoActionTarget();
        Map<String, Object> user = Map.of("userId", target.getKey());
        Console.Step step = console.step("Running workflow actions on " + target.getValue() + " (action-service)");
        List<String> lines = new ArrayList<>();
        try {
            if (!console.await(step, Duration.ofSeconds(60), Duration.ofMillis(500), () -> knows(api, connectionId))) {
                step.failed("action-service did not learn about the connection within 60 s");
                problems.add("action-service never saw the connection's event on m365.connections: see its log");
                return List.of();
            }
            JsonNode plan = api.dryRun(ActionsApi.request(connectionId, simulator.demoTenantId(), "disable-user", user));
            StringBuilder calls = new StringBuilder();
            plan.path("calls").forEach(c -> calls.append(calls.isEmpty() ? "" : ", ").append(c.path("method").asText())
                    .append(' ').append(c.path("path").asText()));
            lines.add("dry run of disable-user: would " + (plan.path("wouldRun").asBoolean() ? "run" : "not run")
                    + ", " + plan.path("changes") + ", calls " + calls + "; still enabled: "
                    + simulator.accountEnabled(target.getKey()));
            for (String type : List.of("disable-user", "revoke-sessions", "enable-user")) {
                String id = api.submit(ActionsApi.request(connectionId, simulator.demoTenantId(), type, user));
                JsonNode done = api.awaitFinal(id, Duration.ofSeconds(60));
                lines.add(ActionsApi.describe(done) + (type.endsWith("-user")
                        ? "; the tenant says accountEnabled = " + simulator.accountEnabled(target.getKey()) : ""));
                if (!"completed".equals(done.path("status").asText())) {
                    problems.add("action " + type + " ended " + done.path("status").asText() + ": "
                            + done.path("errorMessage").asText(""));
                }
            }
            step.ok(lines.size() - 1 + " actions completed, one dry run");
        } catch (ConnectionsApi.ApiUnavailableException | java.io.IOException e) {
            step.failed(e.getMessage());
            problems.add("could not run the actions: " + e.getMessage());
        }
        return lines;
    }

    private static boolean knows(ActionsApi api, String connectionId) {
        try {
            return api.knows(connectionId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * usage-service ingests the Microsoft 365 usage reports on its own once it knows the connection (Reports.Read.All):
     * wait for the first day with data, then read the per-app figures and the license utilisation. The rest of the
     * 28 days arrives within the report throttle (14 calls per report per 10 minutes), after the demo.
     */
    private Optional<DemoResult.UsageFigures> usage(String connectionId, List<String> problems)
            throws InterruptedException {
        if (usageApi.isEmpty()) {
            problems.add("no usage: usage-service is not running");
            return Optional.empty();
        }
        UsageApi api = usageApi.get();
        Console.Step step = console.step("Ingesting the Microsoft 365 usage reports (usage-service)");
        JsonNode[] ingestion = new JsonNode[1];
        boolean ready = console.await(step, USAGE_TIMEOUT, Duration.ofSeconds(1), () -> {
            try {
                ingestion[0] = api.ingestion(connectionId).orElse(null);
                if (ingestion[0] != null) {
                    step.update(ingestion[0].path("daysIngested").asInt() + " days stored, "
                            + ingestion[0].path("daysPending").asInt() + " pending");
                }
                return ingestion[0] != null && UsageApi.hasWindow(ingestion[0]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                return false;
            }
        });
        if (!ready) {
            step.failed("no usage day stored within " + USAGE_TIMEOUT.toSeconds() + " s");
            problems.add("usage-service stored no usage day for the demo tenant within " + USAGE_TIMEOUT.toSeconds()
                    + " s: see its log" + (ingestion[0] == null ? "" : " (ingestion: " + ingestion[0] + ")"));
            return Optional.empty();
        }
        try {
            DemoResult.UsageFigures figures = new DemoResult.UsageFigures(ingestion[0], api.apps(connectionId),
                    api.licenses(connectionId));
            step.ok(ingestion[0].path("daysIngested").asInt() + " days stored, the window ends "
                    + ingestion[0].path("latestDataDay").asText());
            return Optional.of(figures);
        } catch (ConnectionsApi.ApiUnavailableException | java.io.IOException e) {
            step.failed(e.getMessage());
            problems.add("could not read usage: " + e.getMessage());
            return Optional.empty();
        }
    }

    private DemoResult.ProductDemo product(String product, String title, RegisteredApp app, List<String> problems)
            throws InterruptedException {
        Optional<JsonNode> connection = connect(product, title, app, problems);
        if (connection.isEmpty()) {
            return new DemoResult.ProductDemo(product, connection, Optional.empty(), Optional.empty(), Map.of());
        }
        RunOutcome outcome = sync(title, connection.get(), problems);
        Map<String, TopicCensus.Count> census = Map.of();
        Console.Step step = console.step("Reading the topics back (records of the " + title + " connection)");
        try {
            census = TopicCensus.count(bootstrapServers, TopicCatalog.all().stream().map(TopicSpec::name).toList(),
                    connection.get().path("id").asText());
            step.ok();
        } catch (RuntimeException e) {
            step.failed(e.getMessage());
            problems.add("could not read the topics back: " + e.getMessage());
        }
        return new DemoResult.ProductDemo(product, connection, outcome.run(), outcome.event(), census);
    }

    /** The run as sync-service shows it, and its final event on m365.sync.runs. */
    private record RunOutcome(Optional<JsonNode> run, Optional<SyncRunWatcher.Outcome> event) {
        static final RunOutcome NONE = new RunOutcome(Optional.empty(), Optional.empty());
    }

    private Optional<JsonNode> connect(String product, String title, RegisteredApp app, List<String> problems)
            throws InterruptedException {
        String tenant = simulator.demoTenantDomain();
        Console.Step step = console.step("Connecting the demo tenant " + tenant + " for " + title
                + " (app registration, " + LEVEL + ")");
        try {
            // The administrator's part, as the setup guide says: grant the app what it lists for the level, and let
            // the usage reports show user names (Microsoft 365 admin center > Settings > Org settings > Reports).
            simulator.grantApplicationPermissions(app, Set.copyOf(connections.setupPermissions(product, LEVEL)));
            simulator.showReportUserNames();
            Optional<JsonNode> existing = connections.find(tenant, app.clientId());
            JsonNode view;
            if (existing.isPresent()) {
                String id = existing.get().path("id").asText();
                if (!LEVEL.equals(existing.get().path("permissionLevel").asText())) {
                    connections.changeLevel(id, LEVEL);
                }
                view = connections.test(id);
                step.ok("connection " + id + " from an earlier run, tested again: " + view.path("status").asText());
            } else {
                view = connections.create(product, LEVEL, tenant, app.clientId(), app.secret(),
                        "Contoso " + title + " (local demo)");
                step.ok("connection " + view.path("id").asText() + ": " + view.path("status").asText());
            }
            return Optional.of(view);
        } catch (ConnectionsApi.ApiUnavailableException e) {
            step.failed(e.getMessage());
            problems.add("demo tenant not connected for " + title + ": " + e.getMessage());
        } catch (java.io.IOException | RuntimeException e) {
            step.failed(e.getMessage());
            problems.add("demo tenant not connected for " + title + ": connection-service could not be called ("
                    + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    private RunOutcome sync(String title, JsonNode connection, List<String> problems) {
        String connectionId = connection.path("id").asText();
        String status = connection.path("status").asText();
        if (syncApi.isEmpty()) {
            problems.add("no sync: sync-service is not running");
            return RunOutcome.NONE;
        }
        if (!SYNCABLE.contains(status)) {
            problems.add("no sync: the connection is " + status + " (" + connection.path("statusReason").asText("no reason given")
                    + "); fix: " + connection.path("fix").asText("see connection-service's log"));
            return RunOutcome.NONE;
        }
        SyncApi api = syncApi.get();
        Console.Step step = console.step("Syncing the demo tenant for " + title + " (full run)");
        try (SyncRunWatcher watcher = new SyncRunWatcher(bootstrapServers)) {
            // sync-service learns the connection from connection-service's event: wait for it to arrive.
            if (!console.await(step, Duration.ofSeconds(60), Duration.ofMillis(500), () -> knows(api, connectionId))) {
                step.failed("sync-service did not learn about the connection within 60 s");
                problems.add("sync-service never saw the connection's event on m365.connections: see its log");
                return RunOutcome.NONE;
            }
            JsonNode run = api.triggerFull(connectionId, "local demo: sync the demo tenant");
            String runId = run.path("runId").asText();
            long deadline = System.nanoTime() + syncTimeout.toNanos();
            while (!SyncApi.FINAL.contains(run.path("status").asText()) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                run = api.run(runId);
                step.update(run.path("status").asText() + ", " + SyncApi.fetched(run) + " objects read");
            }
            String finalStatus = run.path("status").asText();
            if (!SyncApi.FINAL.contains(finalStatus)) {
                step.failed("run " + runId + " still " + finalStatus + " after " + syncTimeout.toSeconds() + " s");
                problems.add("the sync did not end within " + syncTimeout.toSeconds() + " s: see sync-service's log");
                return new RunOutcome(Optional.of(run), Optional.empty());
            }
            // The run's last event must be on m365.sync.runs too: that is what other services consume.
            Optional<SyncRunWatcher.Outcome> event = watcher.awaitEnd(connectionId, runId, Duration.ofSeconds(30));
            if ("completed".equals(finalStatus)) {
                step.ok("run " + runId + ", " + SyncApi.fetched(run) + " objects read");
            } else {
                step.failed("run " + runId + " " + finalStatus + ": " + run.path("statusReason").asText(""));
                problems.add("the sync run ended " + finalStatus + ": " + run.path("errorCode").asText("")
                        + " " + run.path("statusReason").asText(""));
            }
            if (event.isEmpty()) {
                problems.add("sync-service reports run " + runId + " " + finalStatus + " but its final event never"
                        + " reached m365.sync.runs");
            }
            return new RunOutcome(Optional.of(run), event);
        } catch (ConnectionsApi.ApiUnavailableException e) {
            step.failed(e.getMessage());
            problems.add("could not run the sync: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            step.failed("interrupted");
        } catch (Exception e) {
            step.failed(e.toString());
            problems.add("could not run the sync: " + e);
        }
        return RunOutcome.NONE;
    }

    private static boolean knows(SyncApi api, String connectionId) {
        try {
            return api.knows(connectionId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

}
