package io.m365platform.service.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365platform.graph.token.AccessToken;
import io.m365platform.graph.token.TokenKind;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;

/**
 * Gets Graph tokens from connection-service's token broker: {@code GET /internal/connections/{id}/graph-token}
 * (role {@code service}). 404 and 409 (connection unknown or not usable) are final until the connection changes;
 * 503 and network failures are worth retrying later. The token never appears in a message or log.
 */
public final class BrokerTokenSource implements TokenSource {

    private final URI baseUrl;
    private final ServiceCredentials credentials;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper mapper;

    public BrokerTokenSource(URI baseUrl, ServiceCredentials credentials, HttpClient http, Duration timeout,
                             ObjectMapper mapper) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.credentials = credentials;
        this.http = http;
        this.timeout = timeout;
        this.mapper = mapper;
    }

    @Override
    public AccessToken token(String connectionId) {
        URI uri = URI.create(baseUrl + "/internal/connections/"
                + URLEncoder.encode(connectionId, StandardCharsets.UTF_8) + "/graph-token");
        HttpResponse<byte[]> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + credentials.bearerToken())
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new TokenUnavailableException("token-broker-unavailable",
                    "the token broker at " + baseUrl + " did not answer: " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenUnavailableException("token-broker-unavailable", "interrupted", true, e);
        } catch (RuntimeException e) {
            throw new TokenUnavailableException("token-broker-unavailable",
                    "no service credentials for the token broker: " + e.getMessage(), true, e);
        }
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        return switch (status) {
            case 200 -> toToken(connectionId, body);
            case 404 -> throw new TokenUnavailableException("connection-unknown",
                    "connection-service does not know connection " + connectionId, false);
            case 409 -> {
                String connectionStatus = text(body, "status");
                throw new TokenUnavailableException(
                        "needs-reconnect".equals(connectionStatus) ? "credentials-invalid" : "connection-not-usable",
                        "connection " + connectionId + " cannot be used"
                                + (connectionStatus == null ? "" : " (status " + connectionStatus + ")")
                                + (text(body, "message") == null ? "" : ": " + text(body, "message")), false);
            }
            case 401, 403 -> throw new TokenUnavailableException("service-unauthorised",
                    "the token broker refused this service's credentials (" + status + ")", false);
            default -> throw new TokenUnavailableException("token-broker-unavailable",
                    "the token broker answered " + status, status >= 500 || status == 429);
        };
    }

    private AccessToken toToken(String connectionId, JsonNode body) {
        String token = text(body, "accessToken");
        String expiresAt = text(body, "expiresAt");
        String tenantId = text(body, "tenantId");
        if (token == null || expiresAt == null || tenantId == null) {
            throw new TokenUnavailableException("token-broker-invalid",
                    "the token broker's answer for " + connectionId + " lacks accessToken, expiresAt or tenantId", true);
        }
        Set<String> permissions = new HashSet<>();
        JsonNode granted = body.get("grantedPermissions");
        if (granted != null && granted.isArray()) {
            granted.forEach(p -> permissions.add(p.asText()));
        }
        try {
            return new AccessToken(token, Instant.parse(expiresAt), permissions, tenantId,
                    "admin-user".equals(text(body, "method")) ? TokenKind.DELEGATED : TokenKind.APP, false);
        } catch (DateTimeParseException e) {
            throw new TokenUnavailableException("token-broker-invalid", "expiresAt is not an ISO instant", true, e);
        }
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
