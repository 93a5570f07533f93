package io.m365platform.action.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365platform.graph.config.TrustMaterial;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Polls the monitor URL of an asynchronous OneDrive copy. The URL is OneDrive's (it may be on another host than
 * Graph) and is requested WITHOUT the Graph token: sending it there fails (401, invalid audience) and would hand the
 * token to a host that has no business with it.
 */
public final class CopyMonitor {

    /** A copy's state as the monitor reports it. */
    public record Status(String status, double percentageComplete, String resourceId, String errorCode,
                         String errorMessage, boolean unknown) {

        public boolean completed() {
            return "completed".equalsIgnoreCase(status);
        }

        public boolean failed() {
            return "failed".equalsIgnoreCase(status);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;

    public CopyMonitor(Optional<TrustMaterial> trust) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30))
                .followRedirects(true);
        trust.ifPresent(t -> builder.sslSocketFactory(t.socketFactory(), t.trustManager()));
        this.http = builder.build();
    }

    public Status poll(String monitorUrl) {
        if (!monitorUrl.regionMatches(true, 0, "https://", 0, 8)) {
            throw new IllegalArgumentException("a copy monitor URL must be https");
        }
        Request request = new Request.Builder().url(monitorUrl).get().header("Accept", "application/json").build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() == 404) {
                return new Status(null, 0, null, null, null, true);
            }
            String body = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw new IOException("copy monitor answered " + response.code());
            }
            JsonNode json = body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
            return new Status(json.path("status").asText(null), json.path("percentageComplete").asDouble(0),
                    json.path("resourceId").asText(null), json.path("error").path("code").asText(null),
                    json.path("error").path("message").asText(null), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot poll the copy monitor", e);
        }
    }
}
