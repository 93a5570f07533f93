package io.m365platform.graphsim.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import io.m365platform.graphsim.http.JsonWriter;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/** Writes the plain Java values the schemas produce (String, Boolean, Number, Instant, List, Map, JsonWriter). */
public final class JsonValues {
    private JsonValues() {
    }

    public static void write(JsonGenerator g, Object v) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Boolean b -> g.writeBoolean(b);
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Double d -> g.writeNumber(d);
            case Number n -> g.writeNumber(n.toString());
            case Instant i -> g.writeString(i.toString());
            case LocalDate d -> g.writeString(d.toString());
            case Collection<?> c -> {
                g.writeStartArray();
                for (Object o : c) {
                    write(g, o);
                }
                g.writeEndArray();
            }
            case Map<?, ?> m -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case JsonWriter w -> w.write(g);
            default -> g.writeString(v.toString());
        }
    }
}
