package io.m365platform.sync.it;

import com.sun.net.httpserver.HttpServer;
import io.m365platform.service.token.BrokerTokenSource;
import io.m365platform.service.token.OidcClientCredentials;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Service-to-service authentication: sync-service gets a client-credentials token from the OIDC provider (here the
 * test OIDC server) with quarkus-oidc-client and presents it to the token broker.
 */
@QuarkusTest
class ServiceCredentialsTest {

    @Inject
    OidcClient oidcClient;

    @Test
    void theBrokerIsCalledWithAClientCredentialsToken() throws Exception {
        OidcClientCredentials credentials = new OidcClientCredentials(oidcClient);
        String token = credentials.bearerToken();
        assertFalse(token.isBlank());
        assertEquals(3, token.split("\\.").length, "a JWT from the OIDC provider");
        assertEquals(token, credentials.bearerToken(), "reused until it expires");

        AtomicReference<String> authorization = new AtomicReference<>();
        HttpServer broker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        broker.createContext("/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"tenantId\":\"t\",\"accessToken\":\"graph\",\"expiresAt\":\""
                    + Instant.now().plusSeconds(600) + "\",\"grantedPermissions\":[\"User.Read.All\"]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        broker.start();
        try {
            var source = new BrokerTokenSource(URI.create("http://127.0.0.1:" + broker.getAddress().getPort()),
                    credentials, HttpClient.newHttpClient(), Duration.ofSeconds(5),
                    new com.fasterxml.jackson.databind.ObjectMapper());
            assertTrue(source.token("c").grants("User.Read.All"));
            assertEquals("Bearer " + token, authorization.get());
        } finally {
            broker.stop(0);
        }
    }
}
