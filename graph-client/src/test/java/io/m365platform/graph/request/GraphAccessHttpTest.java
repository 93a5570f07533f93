package io.m365platform.graph.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.User;
import io.m365platform.graph.config.GraphEndpoints;
import io.m365platform.graph.error.GraphNetworkException;
import io.m365platform.graph.error.GraphRequestException;
import io.m365platform.graph.error.GraphThrottledException;
import io.m365platform.graph.paging.CollectionSummary;
import io.m365platform.graph.paging.DeltaItems;
import io.m365platform.graph.paging.Page;
import io.m365platform.graph.retry.Backoff;
import io.m365platform.graph.testsupport.CannedHttpsServer;
import io.m365platform.graph.testsupport.CannedHttpsServer.Answer;
import io.m365platform.graph.testsupport.RecordingSleeper;
import io.m365platform.graph.throttle.GraphCallStats;
import io.m365platform.graph.throttle.ThrottlePolicy;
import io.m365platform.graph.token.AccessToken;
import io.m365platform.graph.token.TokenKind;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP stack end to end against a scripted HTTPS server: trust, SDK middleware, auth, errors, streaming. */
class GraphAccessHttpTest {

    private CannedHttpsServer server;
    private GraphClients clients;
    private GraphAccess access;
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final AtomicInteger tokenCalls = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = new CannedHttpsServer();
        GraphEndpoints endpoints = GraphEndpoints.simulator(URI.create(server.origin()), server.certificatePem());
        ThrottlePolicy policy = new ThrottlePolicy(4, new Backoff(Duration.ofMillis(10), Duration.ofMillis(100), () -> 0.5),
                Duration.ofSeconds(30), Duration.ofMinutes(1), sleeper, Clock.systemUTC());
        clients = new GraphClients(endpoints, GraphClientSettings.defaults().withThrottlePolicy(policy).withSdkRetries(2, 0));
        access = clients.forTenant("tenant-a", () -> {
            tokenCalls.incrementAndGet();
            return new AccessToken("token-abc", Instant.now().plusSeconds(3600), Set.of("User.Read.All"), "tenant-a", TokenKind.APP, false);
        });
    }

    @AfterEach
    void stop() {
        clients.close();
        server.close();
    }

    private static String user(int i) {
        return "{\"id\":\"u" + i + "\",\"displayName\":\"User " + i + "\",\"accountEnabled\":true}";
    }

    private String page(int from, int to, String extra) {
        StringBuilder sb = new StringBuilder("{\"@odata.context\":\"" + server.origin() + "/v1.0/$metadata#users\"");
        if (extra != null) {
            sb.append(',').append(extra);
        }
        sb.append(",\"value\":[");
        for (int i = from; i < to; i++) {
            sb.append(i == from ? "" : ",").append(user(i));
        }
        return sb.append("]}").toString();
    }

    @Test
    void streamsAllPagesFollowingNextLinksWithHeadersAndToken() {
        server.on("/v1.0/users", r -> {
            String q = r.uri().getRawQuery();
            if (q.contains("skiptoken=p2")) {
                return Answer.json(200, page(3, 5, "\"@odata.nextLink\":\"" + server.origin() + "/v1.0/users?$skiptoken=p3\""));
            }
            if (q.contains("skiptoken=p3")) {
                return Answer.json(200, page(5, 6, null));
            }
            // nextLink after the value array on the first page: order must not matter
            return Answer.json(200, page(0, 3, "\"@odata.count\":6").replace("]}",
                    "],\"@odata.nextLink\":\"" + server.origin() + "/v1.0/users?$skiptoken=p2\"}"));
        });
        List<String> ids = new ArrayList<>();
        List<Page> pages = new ArrayList<>();
        CollectionSummary summary = access.collections().readAll(
                GraphUrl.path("/users").select("id", "displayName").top(3).count().build(),
                Map.of("ConsistencyLevel", "eventual"), item -> ids.add(item.get("id").asText()), pages::add);

        assertEquals(List.of("u0", "u1", "u2", "u3", "u4", "u5"), ids);
        assertEquals(3, summary.pages());
        assertEquals(6, summary.items());
        assertEquals(6, summary.odataCount().orElseThrow());
        assertEquals(server.origin() + "/v1.0/users?$skiptoken=p2", pages.get(0).nextLink().orElseThrow());
        assertTrue(pages.get(2).isLast());
        assertEquals(3, server.requests.size());
        server.requests.forEach(r -> {
            assertEquals("Bearer token-abc", r.header("Authorization"));
            assertEquals("eventual", r.header("ConsistencyLevel"));
        });
        assertEquals("$select=id,displayName&$top=3&$count=true", server.requests.getFirst().uri().getRawQuery());
        assertEquals(3, access.stats().snapshot().requests());
    }

    @Test
    void deltaRemovalsAndDeltaLink() {
        server.on("/v1.0/users/delta()", r -> Answer.json(200, "{\"value\":[" + user(1)
                + ",{\"id\":\"u2\",\"@removed\":{\"reason\":\"deleted\"}}],\"@odata.deltaLink\":\""
                + server.origin() + "/v1.0/users/delta()?$deltatoken=d1\"}"));
        List<JsonNode> items = new ArrayList<>();
        Page p = access.collections().readPage("/users/delta()?$select=id", items::add);
        assertEquals(2, p.items());
        assertEquals(1, p.removed());
        assertTrue(p.nextLink().isEmpty());
        assertEquals(server.origin() + "/v1.0/users/delta()?$deltatoken=d1", p.deltaLink().orElseThrow());
        assertEquals("deleted", DeltaItems.removedReason(items.get(1)).orElseThrow());
        assertFalse(DeltaItems.isRemoved(items.get(0)));
    }

    @Test
    void graphErrorBecomesTypedException() {
        server.on("/v1.0/users/x/manager", r -> Answer.json(403,
                "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges to complete the operation.\","
                        + "\"innerError\":{\"date\":\"2024-12-24T03:25:32\",\"request-id\":\"req-42\",\"client-request-id\":\"c-1\"}}}"));
        GraphRequestException e = assertThrows(GraphRequestException.class, () -> access.requests().get("/users/x/manager"));
        assertEquals(403, e.status());
        assertEquals("Authorization_RequestDenied", e.code());
        assertEquals("Insufficient privileges to complete the operation.", e.graphMessage());
        assertEquals("req-42", e.requestId().orElseThrow());
        assertEquals("/v1.0/users/x/manager", e.path());
        assertTrue(e.isForbidden());
        assertFalse(e.getMessage().contains("token-abc"));
        assertTrue(sleeper.waits.isEmpty(), "403 is not retried");
    }

    @Test
    void sdkRetryHandlerAbsorbs429WithRetryAfter() {
        AtomicInteger calls = new AtomicInteger();
        server.on("/v1.0/organization", r -> calls.incrementAndGet() <= 2
                ? Answer.json(429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow\"}}", Map.of("Retry-After", "0.05"))
                : Answer.json(200, "{\"value\":[{\"id\":\"org\"}]}"));
        JsonNode org = access.requests().get("/organization");
        assertEquals("org", org.get("value").get(0).get("id").asText());
        GraphCallStats.Snapshot s = access.stats().snapshot();
        assertEquals(3, s.requests());
        assertEquals(2, s.throttled());
        assertEquals(2, s.sdkRetries());
        assertEquals(0, s.policyRetries(), "absorbed inside the SDK, before the policy");
        // the SDK adds one Retry-Attempt header per retry: 1, then 1 and 2
        assertEquals(List.of("1", "2"), server.requests.get(2).headerValues("Retry-Attempt"));
    }

    @Test
    void policyRetriesBeyondSdkThenGivesUp() {
        server.on("/v1.0/users", r -> Answer.json(503, "{\"error\":{\"code\":\"serviceNotAvailable\",\"message\":\"busy\"}}",
                Map.of("Retry-After", "0.01")));
        GraphThrottledException e = assertThrows(GraphThrottledException.class,
                () -> access.collections().readPage("/users", item -> { }));
        assertEquals(GraphThrottledException.Reason.UNAVAILABLE, e.reason());
        assertEquals(4, e.attempts());
        // 4 policy attempts x (1 + 2 SDK retries)
        assertEquals(12, server.requests.size());
        assertEquals(12, access.stats().snapshot().unavailable());
        assertEquals(3, sleeper.waits.size());
        assertEquals(1, access.stats().snapshot().exhausted());
        assertEquals(1, clients.serviceStats().snapshot().exhausted(), "service-wide counters see it too");
        assertEquals(12, clients.serviceStats().snapshot().requests());
    }

    @Test
    void postPatchDeleteRoundTrip() {
        server.on("/v1.0/users", r -> Answer.json(201, "{\"id\":\"new\",\"displayName\":\"" + r.body().contains("Ada") + "\"}"));
        server.on("/v1.0/users/new", r -> new Answer(204, Map.of(), new byte[0]));
        server.on("/v1.0/users/new/drive/items/i/copy", r -> new Answer(202,
                Map.of("Location", server.origin() + "/v1.0/monitor/1"), new byte[0]));

        GraphResponse created = access.requests().post("/users", Map.of("displayName", "Ada"));
        assertEquals(201, created.status());
        assertEquals("true", created.body().get("displayName").asText());
        assertEquals("application/json", server.requests.getFirst().header("Content-Type"));

        assertEquals(204, access.requests().patch("/users/new", Map.of("accountEnabled", false)).status());
        assertNull(access.requests().delete("/users/new").body());
        GraphResponse copy = access.requests().post("/users/new/drive/items/i/copy", "{\"name\":\"x\"}");
        assertEquals(202, copy.status());
        assertEquals(server.origin() + "/v1.0/monitor/1", copy.header("location").orElseThrow());
        assertEquals(List.of("POST", "PATCH", "DELETE", "POST"), server.requests.stream().map(CannedHttpsServer.Recorded::method).toList());
    }

    @Test
    void refusesLinksOffTheGraphOrigin() {
        assertThrows(IllegalArgumentException.class,
                () -> access.collections().readPage("https://evil.example.com/v1.0/users?$skiptoken=x", item -> { }));
        assertTrue(server.requests.isEmpty());
    }

    @Test
    void noTokenForOtherHosts() {
        SuppliedAccessTokenProvider p = new SuppliedAccessTokenProvider(
                () -> new AccessToken("t", Instant.MAX, Set.of(), "x", TokenKind.APP, false), "127.0.0.1");
        assertEquals("", p.getAuthorizationToken(URI.create("https://reports.example.net/file.csv"), Map.of()));
        assertEquals("t", p.getAuthorizationToken(URI.create("https://127.0.0.1:9999/v1.0/users"), Map.of()));
    }

    @Test
    void sdkFluentClientWorksThroughTheSameStack() {
        server.on("/v1.0/users/u7", r -> Answer.json(200, user(7)));
        User u = access.call("GET /users/{id}", true, () -> access.sdk().users().byUserId("u7").get());
        assertEquals("User 7", u.getDisplayName());
        server.on("/v1.0/users/u8", r -> Answer.json(404, "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"gone\","
                + "\"innerError\":{\"request-id\":\"r8\"}}}"));
        GraphRequestException e = assertThrows(GraphRequestException.class,
                () -> access.call("GET /users/{id}", true, () -> access.sdk().users().byUserId("u8").get()));
        assertEquals(404, e.status());
        assertEquals("Request_ResourceNotFound", e.code());
        assertEquals("r8", e.requestId().orElseThrow());
    }

    @Test
    void networkFailureIsTypedAndRetriedForGets() throws Exception {
        String origin = server.origin();
        server.close();
        GraphNetworkException e = assertThrows(GraphNetworkException.class, () -> {
            try {
                access.requests().post("/users", Map.of("a", 1));
            } catch (GraphThrottledException t) {
                throw (RuntimeException) t.getCause();
            }
        });
        assertTrue(e.getMessage().contains("/v1.0/users"));
        assertTrue(sleeper.waits.isEmpty(), "POST is not repeated after a network failure");
        GraphThrottledException t = assertThrows(GraphThrottledException.class, () -> access.requests().get("/users"));
        assertEquals(GraphThrottledException.Reason.NETWORK, t.reason());
        assertEquals(3, sleeper.waits.size());
        assertTrue(origin.startsWith("https://127.0.0.1:"));
    }

    @Test
    void perTenantConcurrencyCapHolds() throws Exception {
        GraphClients capped = new GraphClients(GraphEndpoints.simulator(URI.create(server.origin()), server.certificatePem()),
                GraphClientSettings.defaults().withPerTenantConcurrency(2));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        server.on("/v1.0/slow", r -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            started.countDown();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return Answer.json(200, "{\"ok\":true}");
        });
        GraphAccess a = capped.forTenant("tenant-z",
                () -> new AccessToken("t", Instant.now().plusSeconds(3600), Set.of(), "tenant-z", TokenKind.APP, false));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> a.requests().get("/slow")));
            }
            for (Future<JsonNode> f : futures) {
                assertTrue(f.get(10, TimeUnit.SECONDS).get("ok").asBoolean());
            }
        } finally {
            pool.shutdownNow();
            capped.close();
        }
        assertEquals(2, maxInFlight.get());
        assertEquals(0, capped.limiter().inFlight("tenant-z"), "every permit released");
    }
}
