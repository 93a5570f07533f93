package io.m365platform.localstack.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.localstack.http.JsonHttp;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * An app token from the platform tenant (client-credentials grant), kept until a minute before it expires: the
 * launcher's bearer token for the services' REST APIs.
 */
public final class ClientCredentialsToken implements Supplier<String> {

    private final JsonHttp http;
    private final String tokenUrl;
    private final String form;
    private String token;
    private Instant refreshAt = Instant.MIN;

    public ClientCredentialsToken(SSLContext trust, String tokenUrl, String clientId, String clientSecret, String scope) {
        this.http = new JsonHttp(trust, null);
        this.tokenUrl = tokenUrl;
        this.form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(clientSecret)
                + "&scope=" + enc(scope);
    }

    @Override
    public synchronized String get() {
        if (token == null || Instant.now().isAfter(refreshAt)) {
            try {
                JsonHttp.Reply reply = http.postForm(tokenUrl, form);
                JsonNode json = reply.json();
                if (!reply.ok() || !json.path("access_token").isTextual()) {
                    throw new IllegalStateException("the platform tenant refused a token: " + reply.explanation());
                }
                token = json.path("access_token").asText();
                long lifetime = json.path("expires_in").asLong(300);
                refreshAt = Instant.now().plus(Duration.ofSeconds(Math.max(30, lifetime - 60)));
            } catch (IOException e) {
                throw new IllegalStateException("the platform tenant's token endpoint is unreachable: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while getting a token", e);
            }
        }
        return token;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
