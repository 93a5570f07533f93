package io.m365platform.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.m365platform.contracts.EventType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates event payloads against their JSON Schema (draft 2020-12). Every schema is compiled once, when the
 * validator is built; a validator is immutable and thread-safe, so share {@link #shared()}.
 *
 * <p>Schema {@code $id}s ({@value EventType#SCHEMA_ID_BASE}...) and their relative {@code $ref}s are mapped to
 * the classpath ({@value EventType#SCHEMA_RESOURCE_ROOT}), so validation never touches the network. Format
 * assertions are on: a {@code date-time} that is not RFC 3339 or a {@code uuid} that is not a UUID fails.
 */
public final class SchemaValidator {

    private static final class Holder {
        private static final SchemaValidator SHARED = new SchemaValidator();
    }

    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    /** Compiles the schema of every {@link EventType}; fails fast if one is missing or invalid. */
    public SchemaValidator() {
        JsonSchemaFactory factory = factory(EventType.SCHEMA_ID_BASE, "classpath:" + EventType.SCHEMA_RESOURCE_ROOT);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        for (EventType type : EventType.values()) {
            JsonSchema schema = factory.getSchema(SchemaLocation.of(type.schemaId()), config);
            schema.initializeValidators();
            schemas.put(type, schema);
        }
    }

    /** The process-wide validator (built on first use, about a second for all schemas). */
    public static SchemaValidator shared() {
        return Holder.SHARED;
    }

    /** A 2020-12 schema factory that resolves {@code idBase...} URIs under {@code location} (e.g. classpath:x/). */
    public static JsonSchemaFactory factory(String idBase, String location) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(idBase, location)));
    }

    /** All violations of {@code data} against the schema of {@code type}; empty when valid. */
    public List<SchemaViolation> validate(EventType type, JsonNode data) {
        Set<ValidationMessage> messages = schemas.get(type).validate(data);
        List<SchemaViolation> violations = new ArrayList<>(messages.size());
        for (ValidationMessage message : messages) {
            String path = message.getInstanceLocation().toString();
            String text = message.getMessage();
            // the library's message starts with the location again ("/user: required property ..."): drop it
            if (text.startsWith(path + ": ")) {
                text = text.substring(path.length() + 2);
            }
            violations.add(new SchemaViolation(path, message.getType(), text));
        }
        violations.sort(Comparator.comparing(SchemaViolation::path).thenComparing(SchemaViolation::message));
        return violations;
    }

    /** True when {@code data} satisfies the schema of {@code type}. */
    public boolean isValid(EventType type, JsonNode data) {
        return schemas.get(type).validate(data).isEmpty();
    }
}
