package io.m365platform.graphsim.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.graphsim.http.GraphException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ids out of {@code $ref} and {@code @odata.bind} bodies. Clients (the SDK included) put graph.microsoft.com URLs
 * there even when talking to the simulator, so only the trailing id counts, whatever the host:
 * {@code …/users/{id}}, {@code …/directoryObjects/{id}}, {@code …/users('{id}')}.
 */
public final class ODataRefs {
    private static final Pattern KEY_IN_PARENS = Pattern.compile("^[^(]*\\('?([^')]+)'?\\)$");

    private ODataRefs() {
    }

    /** The id referenced by {@code field} (e.g. "@odata.id", "user@odata.bind"); 400 when absent or not a string. */
    public static String id(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw GraphException.badRequest("The request body must carry '" + field + "' with the URL of the referenced object.");
        }
        return trailingId(v.asText());
    }

    public static String trailingId(String url) {
        String s = url.trim();
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        String last = s.substring(s.lastIndexOf('/') + 1);
        Matcher m = KEY_IN_PARENS.matcher(last);
        String id = m.matches() ? m.group(1) : last;
        id = URLDecoder.decode(id.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (id.isBlank() || id.equals("$ref")) {
            throw GraphException.badRequest("Invalid object reference '" + url + "'.");
        }
        return id;
    }
}
