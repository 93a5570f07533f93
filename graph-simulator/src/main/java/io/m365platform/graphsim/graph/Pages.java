package io.m365platform.graphsim.graph;

import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.http.JsonWriter;
import io.m365platform.graphsim.http.SimRequest;
import io.m365platform.graphsim.http.SimResponse;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Paging and collection responses: opaque $skiptoken values carrying the next position, absolute nextLinks
 * that point at the simulator and repeat the request's other query options, and the streamed
 * {"@odata.context", ["@odata.count"], ["@odata.nextLink"], "value":[…]} envelope.
 */
public final class Pages {
    private Pages() {
    }

    @FunctionalInterface
    public interface ItemWriter<T> {
        void write(com.fasterxml.jackson.core.JsonGenerator g, T item) throws IOException;
    }

    public static String encodePosition(String kind, long position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    public static int decodePosition(String kind, String token) {
        if (token == null) {
            return 0;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!s.startsWith(kind + ":")) {
                throw new IllegalArgumentException();
            }
            return Integer.parseInt(s.substring(kind.length() + 1));
        } catch (IllegalArgumentException e) {
            throw GraphException.badRequest("Invalid $skiptoken value '" + token + "'.");
        }
    }

    /** The request's URL with {@code option} (e.g. $skiptoken) replaced by {@code value}. */
    public static String linkWith(SimRequest req, String option, String value) {
        StringBuilder sb = new StringBuilder(req.baseUrl()).append(req.exchange().getRequestURI().getRawPath());
        boolean first = true;
        if (req.rawQuery() != null) {
            for (String pair : req.rawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (name.equalsIgnoreCase("$skiptoken") || name.equalsIgnoreCase("$deltatoken") || name.equalsIgnoreCase(option)) {
                    continue;
                }
                sb.append(first ? '?' : '&').append(pair);
                first = false;
            }
        }
        sb.append(first ? '?' : '&').append(option).append('=').append(value);
        return sb.toString();
    }

    public static String context(SimRequest req, String fragment) {
        return req.baseUrl() + "/v1.0/$metadata#" + fragment;
    }

    public static <T> void write(SimRequest req, SimResponse res, String contextFragment, Long count, String nextLink,
                          String deltaLink, List<T> items, ItemWriter<T> writer) throws IOException {
        res.streamJson(200, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", context(req, contextFragment));
            if (count != null) {
                g.writeNumberField("@odata.count", count);
            }
            if (nextLink != null) {
                g.writeStringField("@odata.nextLink", nextLink);
            }
            g.writeArrayFieldStart("value");
            for (T item : items) {
                writer.write(g, item);
            }
            g.writeEndArray();
            if (deltaLink != null) {
                g.writeStringField("@odata.deltaLink", deltaLink);
            }
            g.writeEndObject();
        });
    }

    /** A single entity with its @odata.context. */
    public static void single(SimRequest req, SimResponse res, String contextFragment, JsonWriter body) throws IOException {
        res.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", context(req, contextFragment));
            body.write(g);
            g.writeEndObject();
        });
    }
}
