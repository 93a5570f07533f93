package io.m365platform.graphsim.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import io.m365platform.graphsim.http.GraphException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Graph properties the simulator serves for one entity type, with their values, which of them a plain GET
 * returns (Graph returns only a default set for some types, e.g. users), and which $filter may use. Every
 * property name here must exist in Graph's v1.0 metadata (a test checks it).
 *
 * @param <V> the view object properties are read from
 */
final class EntitySchema<V> {
    private final String resourceName;
    private final String odataType;
    private final Map<String, Function<V, Object>> properties = new LinkedHashMap<>();
    private final Set<String> defaults = new LinkedHashSet<>();
    private final Set<String> filterable = new LinkedHashSet<>();

    EntitySchema(String resourceName, String odataType) {
        this.resourceName = resourceName;
        this.odataType = odataType;
    }

    /** A property returned by default. */
    EntitySchema<V> p(String name, Function<V, Object> value) {
        properties.put(name, value);
        defaults.add(name);
        return this;
    }

    /** A property returned only when selected. */
    EntitySchema<V> s(String name, Function<V, Object> value) {
        properties.put(name, value);
        return this;
    }

    EntitySchema<V> filterable(String... names) {
        filterable.addAll(List.of(names));
        return this;
    }

    String resourceName() {
        return resourceName;
    }

    /** e.g. #microsoft.graph.user */
    String odataType() {
        return odataType;
    }

    Set<String> propertyNames() {
        return properties.keySet();
    }

    boolean isFilterable(String name) {
        return filterable.contains(name);
    }

    Object value(V view, String name) {
        Function<V, Object> f = properties.get(name);
        return f == null ? null : f.apply(view);
    }

    /**
     * Resolves $select: null → the default set; otherwise the named properties (unknown names → 400 like Graph).
     * {@code id} is always included.
     */
    List<String> resolveSelect(Set<String> select) {
        if (select == null) {
            return new ArrayList<>(defaults);
        }
        List<String> result = new ArrayList<>();
        result.add("id");
        for (String s : select) {
            if (s.equals("id")) {
                continue;
            }
            if (!properties.containsKey(s)) {
                throw GraphException.badRequest("Could not find a property named '" + s + "' on type 'microsoft.graph." + resourceName + "'.");
            }
            result.add(s);
        }
        return result;
    }

    void write(JsonGenerator g, V view, List<String> fields, boolean withType) throws IOException {
        g.writeStartObject();
        if (withType) {
            g.writeStringField("@odata.type", odataType);
        }
        writeFields(g, view, fields);
        g.writeEndObject();
    }

    void writeFields(JsonGenerator g, V view, List<String> fields) throws IOException {
        for (String f : fields) {
            Function<V, Object> fn = properties.get(f);
            if (fn == null) {
                continue;
            }
            g.writeFieldName(f);
            JsonValues.write(g, fn.apply(view));
        }
    }
}
