package io.m365platform.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365platform.contracts.EventType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A set of JSON Schema files (the current schemas, or one released copy), addressed by their path relative to
 * the set's root ({@code directory/user.synced.v1.json}). It can produce a <em>bundled</em> form of a schema in
 * which every {@code $ref} is replaced by what it points to, which is what the compatibility checker compares.
 */
public final class SchemaTree {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> documents;

    private SchemaTree(Map<String, JsonNode> documents) {
        this.documents = Map.copyOf(documents);
    }

    /** All {@code *.json} files below a directory. */
    public static SchemaTree fromDirectory(Path root) {
        Map<String, JsonNode> documents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".json"))::iterator) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                documents.put(relative, JSON.readTree(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schemas under " + root, e);
        }
        return new SchemaTree(documents);
    }

    /** All {@code *.json} files below a classpath folder (works from a directory or from a jar). */
    public static SchemaTree fromClasspath(String folder) {
        URL url = SchemaTree.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalArgumentException("no classpath folder " + folder);
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return fromDirectory(Path.of(uri));
            }
            FileSystem jar;
            try {
                jar = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                jar = FileSystems.newFileSystem(uri, Map.of());
            }
            return fromDirectory(jar.getPath(folder));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list classpath folder " + folder, e);
        }
    }

    /** The schemas shipped with this module ({@value EventType#SCHEMA_RESOURCE_ROOT}). */
    public static SchemaTree current() {
        return fromClasspath(EventType.SCHEMA_RESOURCE_ROOT.replaceAll("/$", ""));
    }

    /** Relative paths of every file in the set. */
    public Set<String> paths() {
        return documents.keySet();
    }

    /** True when the set has this file. */
    public boolean contains(String path) {
        return documents.containsKey(path);
    }

    /** A file as written. */
    public JsonNode document(String path) {
        JsonNode document = documents.get(path);
        if (document == null) {
            throw new IllegalArgumentException("no schema " + path);
        }
        return document;
    }

    /**
     * The schema with every {@code $ref} inlined (relative file refs, {@code #/...} pointers, and absolute refs
     * under {@value EventType#SCHEMA_ID_BASE}), without {@code $id}, {@code $schema} and {@code $defs}.
     * Throws if a reference cannot be resolved inside the set or is recursive.
     */
    public JsonNode bundled(String path) {
        return inline(document(path), path, new ArrayDeque<>());
    }

    private JsonNode inline(JsonNode node, String documentPath, Deque<String> resolving) {
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(inline(item, documentPath, resolving)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode result = JSON.createObjectNode();
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual()) {
            String target = resolve(documentPath, ref.asText());
            if (resolving.contains(target)) {
                throw new IllegalStateException("recursive $ref " + target + " via " + resolving);
            }
            resolving.push(target);
            String targetDocument = target.substring(0, target.indexOf('#'));
            String pointer = target.substring(target.indexOf('#') + 1);
            JsonNode referenced = document(targetDocument).at(pointer);
            if (referenced.isMissingNode()) {
                throw new IllegalStateException("$ref " + ref.asText() + " in " + documentPath + " points nowhere");
            }
            result.setAll((ObjectNode) inline(referenced, targetDocument, resolving));
            resolving.pop();
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "$ref", "$id", "$schema", "$defs", "$comment" -> {
                }
                // "properties" maps names to schemas: recurse into each value, never treat a name as a keyword
                default -> result.set(field.getKey(), inline(field.getValue(), documentPath, resolving));
            }
        }
        return result;
    }

    /** Resolves a $ref against the document it appears in to {@code path#pointer}. */
    private static String resolve(String documentPath, String ref) {
        String reference = ref.startsWith(EventType.SCHEMA_ID_BASE)
                ? ref.substring(EventType.SCHEMA_ID_BASE.length()) : ref;
        int hash = reference.indexOf('#');
        String file = hash < 0 ? reference : reference.substring(0, hash);
        String pointer = hash < 0 ? "" : reference.substring(hash + 1);
        String targetDocument = file.isEmpty() ? documentPath
                : URI.create(documentPath).resolve(file).normalize().toString();
        return targetDocument + "#" + pointer;
    }
}
