package io.m365platform.localstack.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A small JSON-over-HTTP client for the launcher's own calls (service health, the demo's REST calls, tokens).
 * Bearer tokens come from a supplier so an expired one is replaced without the callers knowing.
 */
public final class JsonHttp {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final HttpClient client;
    private final Supplier<String> bearer;

    public JsonHttp(SSLContext tls, Supplier<String> bearer) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
        this.bearer = bearer;
    }

    /** An HTTP answer: status and body (JSON when it parses, else the text). */
    public record Reply(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            try {
                return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        /** The API's error message (ApiError.message), else the start of the body. */
        public String explanation() {
            JsonNode message = json().path("message");
            if (message.isTextual()) {
                return "HTTP " + status + ": " + message.asText();
            }
            String text = body == null ? "" : body.strip();
            return "HTTP " + status + (text.isEmpty() ? "" : ": " + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
        }
    }

    public Reply get(String url) throws IOException, InterruptedException {
        return send(request(url).GET());
    }

    public Reply post(String url, Object body) throws IOException, InterruptedException {
        String json = body == null ? "" : JSON.writeValueAsString(body);
        return send(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Reply patch(String url, Object body) throws IOException, InterruptedException {
        return send(request(url).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    }

    public Reply postForm(String url, String form) throws IOException, InterruptedException {
        return send(request(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)));
    }

    /** GET that answers empty instead of throwing when nothing listens (health polling). */
    public Optional<Reply> probe(String url) {
        try {
            return Optional.of(get(url));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        String token = bearer == null ? null : bearer.get();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
