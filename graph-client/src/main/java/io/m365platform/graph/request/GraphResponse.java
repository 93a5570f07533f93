package io.m365platform.graph.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A complete (non-streamed) successful Graph answer.
 *
 * @param status  2xx status (e.g. 202 for an async copy, 204 for a delete)
 * @param headers response headers (e.g. {@code Location} of a 202)
 * @param body    the parsed JSON body, or null when there is none (204, empty 202)
 */
public record GraphResponse(int status, Map<String, List<String>> headers, JsonNode body) {

    public Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                return Optional.of(h.getValue().getFirst());
            }
        }
        return Optional.empty();
    }
}
