package io.m365platform.graphsim;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.graphsim.http.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The simulator's REST control API and unauthenticated URLs (copy monitors, downloads) over plain HTTPS (test helper). */
public final class SimControl {
    public record Response(int status, byte[] body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (java.io.IOException e) {
                throw new AssertionError("Not JSON: " + new String(body), e);
            }
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final GraphSimulator sim;
    private final HttpClient http;

    public SimControl(GraphSimulator sim) {
        this.sim = sim;
        this.http = HttpClient.newBuilder().sslContext(sim.clientSslContext()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Response get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("https://") ? pathOrUrl : sim.baseUrl() + pathOrUrl);
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
