package io.m365platform.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.localstack.kafka.TopicCensus;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the demo did: per product (Microsoft 365, Microsoft Teams) the connection as connection-service shows it,
 * the sync run as sync-service shows it, the run's final event on m365.sync.runs and what the topics hold for the
 * connection; what usage-service ingested for the Microsoft 365 connection; the actions action-service ran on it
 * (one line each); and the problems met on the way (each a sentence for the summary).
 */
public record DemoResult(List<ProductDemo> products, Optional<UsageFigures> usage, List<String> actions,
                         List<String> problems) {

    /** What usage-service ingested for the Microsoft 365 connection: ingestion status, apps, license utilisation. */
    public record UsageFigures(JsonNode ingestion, JsonNode apps, JsonNode licenses) {
    }

    /** One product's connection and sync. */
    public record ProductDemo(String product, Optional<JsonNode> connection, Optional<JsonNode> run,
                              Optional<SyncRunWatcher.Outcome> runEvent, Map<String, TopicCensus.Count> topics) {

        /** The run completed, and its sync.completed event is on the topic. */
        public boolean syncCompleted() {
            return runEvent.map(SyncRunWatcher.Outcome::completed).orElse(false)
                    && run.map(r -> "completed".equals(r.path("status").asText())).orElse(true);
        }
    }

    public static DemoResult nothing(List<String> problems) {
        return new DemoResult(List.of(), Optional.empty(), List.of(), problems);
    }

    /** Every product's run completed. */
    public boolean syncCompleted() {
        return !products.isEmpty() && products.stream().allMatch(ProductDemo::syncCompleted);
    }

    /** The demo's Microsoft 365 connection, the one actions and usage run on. */
    public Optional<JsonNode> microsoft365Connection() {
        return products.stream().filter(p -> p.product().equals(DemoRun.MICROSOFT_365)).findFirst()
                .flatMap(ProductDemo::connection);
    }
}
