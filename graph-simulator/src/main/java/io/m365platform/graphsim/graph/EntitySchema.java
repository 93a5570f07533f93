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
public final class EntitySchema<V> {
    private final String resourceName;
    private final String odataType;
    private final Map<String, Function<V, Object>> properties = new LinkedHashMap<>();
    private final Set<String> defaults = new LinkedHashSet<>();
    private final Set<String> filterable = new LinkedHashSet<>();

    public EntitySchema(String resourceName, String odataType) {
        this.resourceName = resourceName;
        this.odataType = odataType;
    }

    /** A property returned by default. */
    public EntitySchema<V> p(String name, Function<V, Object> value) {
        properties.put(name, value);
        defaults.add(name);
        return this;
    }

    /** A property returned only when selected. */
    public EntitySchema<V> s(String name, Function<V, Object> value) {
        properties.put(name, value);
        return this;
    }

    public EntitySchema<V> filterable(String... names) {
        filterable.addAll(List.of(names));
        return this;
    }

    public String resourceName() {
        return resourceName;
    }

    /** e.g. #microsoft.graph.user */
    public String odataType() {
        return odataType;
    }

    public Set<String> propertyNames() {
        return properties.keySet();
    }

    public boolean isFilterable(String name) {
        return filterable.contains(name);
    }

    public Object value(V view, String name) {
        Function<V, Object> f = properties.get(name);
        return f == null ? null : f.apply(view);
    }

    /**
     * Resolves $select: null → the default set; otherwise the named properties (unknown names → 400 like Graph).
     * {@code id} is always included.
     */
    public List<String> resolveSelect(Set<String> select) {
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

    public void write(JsonGenerator g, V view, List<String> fields, boolean withType) throws IOException {
        g.writeStartObject();
        if (withType) {
            g.writeStringField("@odata.type", odataType);
        }
        writeFields(g, view, fields);
        g.writeEndObject();
    }

    public void writeFields(JsonGenerator g, V view, List<String> fields) throws IOException {
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
