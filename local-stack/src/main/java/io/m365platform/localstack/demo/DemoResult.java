package io.m365platform.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.localstack.kafka.TopicCensus;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the demo did: the connection as connection-service shows it, the sync run as sync-service shows it, the
 * run's final event on m365.sync.runs, what the topics hold for the connection, and the problems met on the way
 * (each a sentence for the summary).
 */
public record DemoResult(Optional<JsonNode> connection, Optional<JsonNode> run,
                         Optional<SyncRunWatcher.Outcome> runEvent, Map<String, TopicCensus.Count> topics,
                         List<String> problems) {

    public static DemoResult nothing(List<String> problems) {
        return new DemoResult(Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), problems);
    }

    /** The run completed, and its sync.completed event is on the topic. */
    public boolean syncCompleted() {
        return runEvent.map(SyncRunWatcher.Outcome::completed).orElse(false)
                && run.map(r -> "completed".equals(r.path("status").asText())).orElse(true);
    }
}
