package io.m365platform.graph.request;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of a successful Graph response as a stream, with its status and headers. Close it: that
 * releases the connection and the tenant's concurrency permit.
 */
public final class GraphResponseStream extends FilterInputStream {

    private final int status;
    private final Map<String, List<String>> headers;
    private final URI finalUri;
    private final AutoCloseable response;

    GraphResponseStream(InputStream body, int status, Map<String, List<String>> headers, URI finalUri,
                        AutoCloseable response) {
        super(body);
        this.status = status;
        this.headers = headers;
        this.finalUri = finalUri;
        this.response = response;
    }

    public int status() {
        return status;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    /** First value of a header, case-insensitive. */
    public Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                return Optional.of(h.getValue().getFirst());
            }
        }
        return Optional.empty();
    }

    /** The URL finally answered (after redirects, e.g. a report's download URL). */
    public URI finalUri() {
        return finalUri;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            try {
                response.close();
            } catch (Exception e) {
                // closing twice or after a failed read: nothing left to release
            }
        }
    }
}
