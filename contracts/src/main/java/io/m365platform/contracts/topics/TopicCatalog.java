package io.m365platform.contracts.topics;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.EventType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of every topic, loaded from the AsyncAPI document (channel {@code bindings.kafka}: partitions,
 * replicas, topicConfiguration; {@code x-key}; {@code x-partitions-guidance}). Use it to create topics
 * ({@link TopicProvisioner}) and to render deployment manifests.
 */
public final class TopicCatalog {

    private static final class Holder {
        private static final TopicCatalog STANDARD = from(AsyncApiDocument.standard());
    }

    private final Map<Topic, TopicSpec> specs;

    private TopicCatalog(Map<Topic, TopicSpec> specs) {
        this.specs = specs;
    }

    /** The catalog of the platform's own AsyncAPI document. */
    public static TopicCatalog standard() {
        return Holder.STANDARD;
    }

    /** Shortcut for {@code standard().all()}. */
    public static List<TopicSpec> all() {
        return standard().specs();
    }

    /** Builds a catalog from a document; every channel must be a {@link Topic} and every Topic a channel. */
    public static TopicCatalog from(AsyncApiDocument document) {
        Map<Topic, TopicSpec> specs = new EnumMap<>(Topic.class);
        for (AsyncApiDocument.Channel channel : document.channels()) {
            Topic topic = Topic.byName(channel.address()).orElseThrow(() -> new IllegalStateException(
                    "channel " + channel.id() + " has address " + channel.address() + ", which is not a Topic"));
            JsonNode kafka = channel.node().path("bindings").path("kafka");
            if (!channel.address().equals(kafka.path("topic").asText(channel.address()))) {
                throw new IllegalStateException("channel " + channel.id() + ": binding topic differs from address");
            }
            List<EventType> types = new ArrayList<>();
            for (AsyncApiDocument.Message message : channel.messages()) {
                types.add(EventType.fromType(message.cloudEventType()).orElseThrow(() -> new IllegalStateException(
                        "message " + message.name() + " has unknown ce_type " + message.cloudEventType())));
            }
            TopicSpec spec = new TopicSpec(topic, channel.node().path("title").asText(),
                    channel.node().path("description").asText(), required(channel, "x-key"),
                    positive(kafka, "partitions", channel), positive(kafka, "replicas", channel),
                    required(channel, "x-partitions-guidance"), configs(kafka.path("topicConfiguration")), types);
            if (specs.put(topic, spec) != null) {
                throw new IllegalStateException("topic " + topic + " is declared twice");
            }
        }
        for (Topic topic : Topic.values()) {
            if (!specs.containsKey(topic)) {
                throw new IllegalStateException("topic " + topic + " is missing from the AsyncAPI document");
            }
        }
        return new TopicCatalog(specs);
    }

    /** Every topic, in {@link Topic} order. */
    public List<TopicSpec> specs() {
        return List.copyOf(specs.values());
    }

    /** Settings of one topic. */
    public TopicSpec spec(Topic topic) {
        return specs.get(topic);
    }

    /** Settings of a topic by its Kafka name. */
    public Optional<TopicSpec> byName(String topicName) {
        return Topic.byName(topicName).map(specs::get);
    }

    /** Kafka topic configs as strings; a YAML list (cleanup.policy) becomes a comma-separated value. */
    private static Map<String, String> configs(JsonNode topicConfiguration) {
        Map<String, String> configs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = topicConfiguration.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            if (value.isArray()) {
                List<String> parts = new ArrayList<>();
                value.forEach(part -> parts.add(part.asText()));
                configs.put(entry.getKey(), String.join(",", parts));
            } else {
                configs.put(entry.getKey(), value.asText());
            }
        }
        return configs;
    }

    private static String required(AsyncApiDocument.Channel channel, String field) {
        String value = channel.node().path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalStateException("channel " + channel.id() + " has no " + field);
        }
        return value;
    }

    private static int positive(JsonNode kafka, String field, AsyncApiDocument.Channel channel) {
        int value = kafka.path(field).asInt(0);
        if (value < 1) {
            throw new IllegalStateException("channel " + channel.id() + " has no bindings.kafka." + field);
        }
        return value;
    }
}
