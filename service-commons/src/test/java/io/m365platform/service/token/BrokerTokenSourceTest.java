package io.m365platform.service.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.m365platform.graph.token.AccessToken;
import io.m365platform.graph.token.TokenKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token broker client against a scripted HTTP server speaking connection-service's contract. */
class BrokerTokenSourceTest {

    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> body = new AtomicReference<>("");
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> path = new AtomicReference<>();
    private final AtomicInteger calls = new AtomicInteger();
    private BrokerTokenSource source;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            path.set(exchange.getRequestURI().getRawPath());
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        source = new BrokerTokenSource(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                () -> "service-token", HttpClient.newHttpClient(), Duration.ofSeconds(5), new ObjectMapper());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aBrokeredTokenCarriesItsPermissionsAndIsAskedForWithTheServiceToken() {
        Instant expires = Instant.now().plusSeconds(3600);
        body.set("{\"connectionId\":\"c1\",\"tenantId\":\"t1\",\"accessToken\":\"graph-token\",\"expiresAt\":\""
                + expires + "\",\"grantedPermissions\":[\"User.Read.All\",\"GroupMember.Read.All\"],"
                + "\"method\":\"app-registration\"}");
        AccessToken token = source.token("c1");
        assertEquals("graph-token", token.token());
        assertEquals("t1", token.tenantId());
        assertEquals(expires, token.expiresAt());
        assertEquals(Set.of("User.Read.All", "GroupMember.Read.All"), token.permissions());
        assertEquals(TokenKind.APP, token.kind());
        assertEquals("Bearer service-token", authorization.get());
        assertEquals("/internal/connections/c1/graph-token", path.get());
        assertFalse(token.toString().contains("graph-token"), "the token never shows in logs");
    }

    @Test
    void brokerAnswersBecomeFinalOrRetryableFailures() {
        status.set(404);
        body.set("{\"status\":404,\"error\":\"not-found\",\"message\":\"Connection c1 was not found\"}");
        TokenUnavailableException unknown = assertThrows(TokenUnavailableException.class, () -> source.token("c1"));
        assertEquals("connection-unknown", unknown.errorCode());
        assertFalse(unknown.retryable());

        status.set(409);
        body.set("{\"error\":\"connection-not-usable\",\"status\":\"needs-reconnect\"}");
        TokenUnavailableException reconnect = assertThrows(TokenUnavailableException.class, () -> source.token("c1"));
        assertEquals("credentials-invalid", reconnect.errorCode());
        assertFalse(reconnect.retryable());
        assertTrue(reconnect.getMessage().contains("needs-reconnect"));

        status.set(503);
        body.set("");
        TokenUnavailableException down = assertThrows(TokenUnavailableException.class, () -> source.token("c1"));
        assertEquals("token-broker-unavailable", down.errorCode());
        assertTrue(down.retryable());

        status.set(401);
        assertFalse(assertThrows(TokenUnavailableException.class, () -> source.token("c1")).retryable());
    }

    @Test
    void anUnreachableBrokerIsRetryable() {
        server.stop(0);
        TokenUnavailableException e = assertThrows(TokenUnavailableException.class, () -> source.token("c1"));
        assertTrue(e.retryable());
    }

    @Test
    void tokensAreCachedUntilShortlyBeforeTheyExpire() {
        body.set("{\"tenantId\":\"t1\",\"accessToken\":\"a\",\"expiresAt\":\"" + Instant.now().plusSeconds(3600)
                + "\",\"grantedPermissions\":[]}");
        CachingTokenSource cached = new CachingTokenSource(source, Duration.ofMinutes(2), Clock.systemUTC());
        cached.token("c1");
        cached.token("c1");
        assertEquals(1, calls.get());
        body.set("{\"tenantId\":\"t1\",\"accessToken\":\"b\",\"expiresAt\":\"" + Instant.now().plusSeconds(60)
                + "\",\"grantedPermissions\":[]}");
        cached.invalidate("c1");
        cached.token("c1");
        cached.token("c1");
        assertEquals(3, calls.get(), "a token expiring within the margin is fetched again");
    }
}
