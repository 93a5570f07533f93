package io.m365platform.contracts.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Read access to the AsyncAPI 3.0 document ({@value #RESOURCE} on the classpath): channels with their Kafka
 * bindings, and the messages with their CloudEvents type and payload schema.
 */
public final class AsyncApiDocument {

    /** Classpath resource of the platform's document. */
    public static final String RESOURCE = "asyncapi.yaml";

    /** A message of a channel. */
    public record Message(String name, String cloudEventType, String schemaRef) {
    }

    /** A channel (one Kafka topic). */
    public record Channel(String id, String address, JsonNode node, List<Message> messages) {
    }

    private final JsonNode root;

    private AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    /** Parses a document. */
    public static AsyncApiDocument parse(InputStream yaml) {
        try {
            return new AsyncApiDocument(new YAMLMapper().readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse the AsyncAPI document", e);
        }
    }

    /** The platform's document from the classpath. */
    public static AsyncApiDocument standard() {
        try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole document as a tree. */
    public JsonNode root() {
        return root;
    }

    /** Every channel, in document order. */
    public List<Channel> channels() {
        List<Channel> channels = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("channels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> channel = it.next();
            List<Message> messages = new ArrayList<>();
            for (JsonNode ref : channel.getValue().path("messages")) {
                messages.add(message(resolve(ref.path("$ref").asText())));
            }
            channels.add(new Channel(channel.getKey(), channel.getValue().path("address").asText(),
                    channel.getValue(), List.copyOf(messages)));
        }
        return channels;
    }

    /** Every {@code $ref} to a schema file ({@code ./schemas/...}) anywhere in the document. */
    public List<String> schemaFileRefs() {
        List<String> refs = new ArrayList<>();
        collectFileRefs(root, refs);
        return refs;
    }

    private static void collectFileRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
                refs.add(ref.asText());
            }
            node.forEach(child -> collectFileRefs(child, refs));
        } else if (node.isArray()) {
            node.forEach(child -> collectFileRefs(child, refs));
        }
    }

    private Message message(JsonNode message) {
        String type = null;
        for (JsonNode part : message.path("headers").path("allOf")) {
            JsonNode constant = part.path("properties").path("ce_type").path("const");
            if (constant.isTextual()) {
                type = constant.asText();
            }
        }
        return new Message(message.path("name").asText(), type,
                message.path("payload").path("schema").path("$ref").asText(null));
    }

    /** Resolves a local {@code #/a/b} reference. */
    public JsonNode resolve(String localRef) {
        if (!localRef.startsWith("#")) {
            throw new IllegalArgumentException("not a local reference: " + localRef);
        }
        JsonNode target = root.at(localRef.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalStateException("unresolved reference " + localRef);
        }
        return target;
    }
}
