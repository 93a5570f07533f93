package io.m365platform.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.sync.SyncCompleted;
import io.m365platform.contracts.sync.SyncFailed;
import io.m365platform.contracts.sync.SyncHeld;
import io.m365platform.contracts.sync.SyncRunEvent;
import io.m365platform.contracts.topics.Topics;
import io.m365platform.localstack.LocalStackOptions;
import io.m365platform.localstack.console.Console;
import io.m365platform.localstack.kafka.TopicCensus;
import io.m365platform.localstack.services.ServiceFleet;
import io.m365platform.localstack.simulator.LocalSimulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The summary printed once the stack is up: the demo's outcome (capability table, counts synced, what the topics
 * hold), where to look (each service's OpenAPI UI, health, metrics), how to call the APIs and watch a topic, how
 * to stop. The wording of a few lines is relied upon by LocalStackIT (marked "stable").
 */
public final class Summary {

    private final Console console;
    private final LocalStackOptions options;

    public Summary(Console console, LocalStackOptions options) {
        this.console = console;
        this.options = options;
    }

    public void demo(LocalSimulator simulator, DemoResult result) {
        console.section("The demo tenant");
        LocalSimulator.TenantFigures truth = simulator.demoFigures();
        console.info(String.format(Locale.ROOT, "%s (tenant id %s): the simulator holds %d users, %d groups, %d teams,"
                        + " %d subscribed SKUs", simulator.demoTenantDomain(), simulator.demoTenantId(), truth.users(),
                truth.groups(), truth.teams(), truth.subscribedSkus()));
        // stable: "demo tenant users: N"
        console.info("demo tenant users: " + truth.users());
        for (DemoResult.ProductDemo product : result.products()) {
            product.connection().ifPresent(c -> connection(product.product(), c));
            product.run().ifPresent(run -> run(run, product.runEvent()));
            if (!product.topics().isEmpty()) {
                topics(product.topics());
                TopicCensus.Count users = product.topics().get(Topics.DIRECTORY_USERS);
                if (users != null && users.liveKeys() > 0) {
                    // stable: "users on m365.directory.users: N (the simulator holds M)"
                    console.info("users on " + Topics.DIRECTORY_USERS + ": " + users.liveKeys() + " (the simulator holds "
                            + truth.users() + (users.liveKeys() == truth.users() ? ": all synced)" : ": NOT all synced)"));
                }
                TopicCensus.Count teams = product.topics().get(Topics.TEAMS_TEAMS);
                if (teams != null && teams.liveKeys() > 0) {
                    console.info("teams on " + Topics.TEAMS_TEAMS + ": " + teams.liveKeys() + " (the simulator holds "
                            + truth.teams() + (teams.liveKeys() == truth.teams() ? ": all synced)" : ": NOT all synced)"));
                }
            }
        }
        result.usage().ifPresent(this::usage);
        if (!result.actions().isEmpty()) {
            console.section("Workflow actions (action-service, Microsoft 365 connection)");
            result.actions().forEach(line -> console.raw("   " + line));
        }
        if (!result.problems().isEmpty()) {
            console.section("What did not work");
            result.problems().forEach(console::warn);
        }
    }

    private void usage(DemoResult.UsageFigures usage) {
        console.section("Microsoft 365 usage (usage-service)");
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        UsageApi.print(usage.ingestion(), usage.apps(), usage.licenses(),
                new java.io.PrintStream(text, true, java.nio.charset.StandardCharsets.UTF_8));
        text.toString(java.nio.charset.StandardCharsets.UTF_8).lines().forEach(line -> console.raw("   " + line));
    }

    private void connection(String product, JsonNode c) {
        console.section("Connection for " + product + " (" + c.path("permissionLevel").asText() + ")");
        console.info("connection " + c.path("id").asText() + ": status " + c.path("status").asText()
                + (c.path("statusReason").isTextual() ? " (" + c.path("statusReason").asText() + ")" : ""));
        JsonNode rows = c.path("capabilities");
        if (!rows.isArray() || rows.isEmpty()) {
            console.info("(connection-service returned no capability table)");
            return;
        }
        console.section("Capability table");
        int width = 10;
        for (JsonNode row : rows) {
            width = Math.max(width, row.path("title").asText().length());
        }
        String format = "   %-" + width + "s  %-24s %s";
        console.raw(String.format(Locale.ROOT, format, "capability", "state", "what to do"));
        for (JsonNode row : rows) {
            String todo = row.path("fix").asText("");
            if (todo.isEmpty() && row.path("warning").isTextual()) {
                todo = row.path("warning").asText();
            }
            console.raw(String.format(Locale.ROOT, format, row.path("title").asText(),
                    row.path("state").asText(), todo));
        }
    }

    private void run(JsonNode run, Optional<SyncRunWatcher.Outcome> event) {
        console.section("Sync run " + run.path("runId").asText());
        String status = run.path("status").asText();
        if ("completed".equals(status)) {
            // stable: "sync completed: ..."
            console.info(String.format(Locale.ROOT, "sync completed: %s run in %s, %d Graph requests, %d throttled",
                    run.path("mode").asText(), seconds(Duration.ofMillis(run.path("durationMs").asLong())),
                    run.path("graphRequests").asLong(), run.path("throttledResponses").asLong()));
        } else {
            console.warn("sync " + status + ": " + run.path("errorCode").asText("") + " " + run.path("statusReason").asText(""));
        }
        console.raw(String.format(Locale.ROOT, "   %-22s %-10s %8s %8s %8s %10s %8s", "resource", "status", "fetched",
                "created", "updated", "unchanged", "deleted"));
        for (JsonNode step : run.path("steps")) {
            console.raw(String.format(Locale.ROOT, "   %-22s %-10s %8d %8d %8d %10d %8d%s", step.path("resource").asText(),
                    step.path("status").asText(), step.path("fetched").asLong(), step.path("created").asLong(),
                    step.path("updated").asLong(), step.path("unchanged").asLong(), step.path("deleted").asLong(),
                    step.path("message").isTextual() ? "  " + step.path("message").asText() : ""));
        }
        console.info(event.map(e -> "its final event is on m365.sync.runs: " + eventName(e.event()))
                .orElse("its final event is NOT on m365.sync.runs"));
    }

    private static String eventName(SyncRunEvent event) {
        return switch (event) {
            case SyncCompleted c -> "sync.completed";
            case SyncFailed f -> "sync.failed (" + f.errorCode() + ")";
            case SyncHeld h -> "sync.held";
            default -> event.getClass().getSimpleName();
        };
    }

    private void topics(Map<String, TopicCensus.Count> census) {
        console.section("On the topics (this connection: records / live keys after replay)");
        census.forEach((topic, count) -> {
            if (count.records() > 0) {
                // stable: "topic <name>: <records> records, <keys> live keys"
                console.info(String.format(Locale.ROOT, "topic %-36s %7d records, %7d live keys", topic + ":",
                        count.records(), count.liveKeys()));
            }
        });
    }

    public void whereToLook(List<ServiceFleet.Outcome> services, LocalSimulator simulator, String bootstrapServers,
                            Path operatorTokenScript) {
        console.section("Where to look");
        for (ServiceFleet.Outcome outcome : services) {
            String base = "http://localhost:" + options.port(outcome.service());
            if (outcome.ready()) {
                console.info(String.format(Locale.ROOT, "%-19s %s/q/swagger-ui   health %s/q/health   metrics %s/q/metrics",
                        outcome.service(), base, base, base));
            } else {
                console.info(String.format(Locale.ROOT, "%-19s not running: %s", outcome.service(), outcome.detail()));
            }
        }
        console.info(String.format(Locale.ROOT, "%-19s %s (control API %s/_sim/info, certificate %s)", "Graph simulator",
                simulator.baseUrl(), simulator.baseUrl(), relative(simulator.certificateFile())));
        console.info(String.format(Locale.ROOT, "%-19s %s (data in %s)", "Kafka", bootstrapServers,
                relative(options.dataDirectory().resolve("kafka"))));
        console.info(String.format(Locale.ROOT, "%-19s %s:%d, database %s", "PostgreSQL", options.dbHost(),
                options.dbPort(), options.dbName()));
        console.info(String.format(Locale.ROOT, "%-19s %s", "Logs", relative(options.logDirectory())));

        console.section("Try it");
        console.info("a token with the operator and admin roles:  export TOKEN=$(" + relative(operatorTokenScript) + ")");
        console.info("  curl -s -H \"Authorization: Bearer $TOKEN\" http://localhost:" + options.port("connection-service")
                + "/connections");
        console.info("watch a topic:  kcat -b " + bootstrapServers + " -C -t m365.directory.users -o beginning"
                + " -f '%k  %h\\n%s\\n\\n'");
        console.info("stop: Ctrl-C (stops the services, the simulator and Kafka; data stays in "
                + relative(options.dataDirectory()) + ", --fresh starts over)");
    }

    private String relative(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
