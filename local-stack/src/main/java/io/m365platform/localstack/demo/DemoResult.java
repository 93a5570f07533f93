package io.m365platform.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.localstack.kafka.TopicCensus;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the demo did: the connection as connection-service shows it, how the sync run ended, what the topics hold
 * for the connection, and the problems met on the way (each a sentence for the summary).
 */
public record DemoResult(Optional<JsonNode> connection, Optional<SyncRunWatcher.Outcome> sync,
                         Map<String, TopicCensus.Count> topics, List<String> problems) {

    public boolean syncCompleted() {
        return sync.map(SyncRunWatcher.Outcome::completed).orElse(false);
    }
}
