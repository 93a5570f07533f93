package io.m365platform.graphsim.graph;

import com.fasterxml.jackson.databind.JsonNode;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Checks JSON the simulator emits against Graph's v1.0 metadata: every property must exist on its (declared or
 * {@code @odata.type}) type or a base type, nested objects are checked against the property's type, and values of
 * enum-typed properties must be members of the enum. Used for the write/workload resources.
 */
final class CsdlChecker {
    private final GraphMetadata types;
    private final Map<String, Set<String>> enums = new HashMap<>();
    final Set<String> seen = new java.util.TreeSet<>();

    CsdlChecker() throws Exception {
        this.types = new GraphMetadata();
        try (InputStream in = new GZIPInputStream(CsdlChecker.class.getResourceAsStream("/csdl/graph-v1.0-csdl.xml.gz"))) {
            XMLStreamReader r = XMLInputFactory.newInstance().createXMLStreamReader(in);
            String namespace = null;
            Set<String> current = null;
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "Schema" -> namespace = r.getAttributeValue(null, "Namespace");
                        case "EnumType" -> {
                            current = "microsoft.graph".equals(namespace) ? new HashSet<>() : null;
                            if (current != null) {
                                enums.put(r.getAttributeValue(null, "Name"), current);
                            }
                        }
                        case "Member" -> {
                            if (current != null) {
                                current.add(r.getAttributeValue(null, "Name"));
                            }
                        }
                        default -> {
                        }
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("EnumType")) {
                    current = null;
                }
            }
        }
    }

    /** Checks a response (a collection's items, or one entity) against {@code rootType}; adds violations. */
    void check(String endpoint, JsonNode body, String rootType, List<String> violations) {
        JsonNode value = body.get("value");
        if (value != null && value.isArray()) {
            value.forEach(item -> object(endpoint, item, rootType, violations));
        } else {
            object(endpoint, body, rootType, violations);
        }
    }

    private void object(String endpoint, JsonNode node, String declaredType, List<String> violations) {
        if (!node.isObject()) {
            return;
        }
        String type = node.has("@odata.type") ? GraphMetadata.strip(node.get("@odata.type").asText()) : declaredType;
        if (!types.hasType(type)) {
            violations.add(endpoint + ": unknown type " + type);
            return;
        }
        if (!type.equals(declaredType) && !types.isSubtype(type, declaredType)) {
            violations.add(endpoint + ": " + type + " is not a " + declaredType);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().startsWith("@")) {
                continue;
            }
            String declared = types.propertyType(type, f.getKey());
            seen.add(type + "." + f.getKey());
            if (declared == null) {
                violations.add(endpoint + ": " + type + "." + f.getKey() + " is not in Graph v1.0");
                continue;
            }
            String inner = GraphMetadata.strip(declared);
            JsonNode v = f.getValue();
            Set<String> members = enums.get(inner);
            if (members != null) {
                for (JsonNode x : v.isArray() ? v : List.of(v)) {
                    if (!x.isNull() && !members.contains(x.asText())) {
                        violations.add(endpoint + ": " + type + "." + f.getKey() + " = '" + x.asText() + "' is not a member of " + inner);
                    }
                }
            } else if (types.hasType(inner)) {
                if (v.isArray()) {
                    v.forEach(x -> object(endpoint, x, inner, violations));
                } else {
                    object(endpoint, v, inner, violations);
                }
            }
        }
    }
}
