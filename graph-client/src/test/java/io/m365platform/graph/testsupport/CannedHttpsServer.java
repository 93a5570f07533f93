package io.m365platform.graph.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A tiny HTTPS server with scripted answers for unit tests of the HTTP stack (TLS trust, SDK
 * middleware, error mapping, streaming parser). Integration tests use the real Graph simulator.
 */
public final class CannedHttpsServer implements AutoCloseable {

    /** One recorded request. */
    public record Recorded(String method, URI uri, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase(name)) {
                    return h.getValue().getFirst();
                }
            }
            return null;
        }

        public List<String> headerValues(String name) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase(name)) {
                    return h.getValue();
                }
            }
            return List.of();
        }
    }

    /** A scripted answer. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public static Answer json(int status, String json) {
            return new Answer(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }

        public static Answer json(int status, String json, Map<String, String> extra) {
            Map<String, String> h = new java.util.HashMap<>(extra);
            h.put("Content-Type", "application/json");
            return new Answer(status, h, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpsServer server;
    private final TestTls tls;
    private final Map<String, Function<Recorded, Answer>> routes = new ConcurrentHashMap<>();
    public final List<Recorded> requests = new CopyOnWriteArrayList<>();

    public CannedHttpsServer() throws Exception {
        this.tls = TestTls.generate();
        this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    public String origin() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    public String certificatePem() {
        return tls.certificatePem();
    }

    /** Routes by exact path (without query). */
    public CannedHttpsServer on(String path, Function<Recorded, Answer> answer) {
        routes.put(path, answer);
        return this;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Recorded r = new Recorded(ex.getRequestMethod(), ex.getRequestURI(), Map.copyOf(ex.getRequestHeaders()), body);
            requests.add(r);
            Function<Recorded, Answer> route = routes.get(ex.getRequestURI().getPath());
            Answer a = route == null ? Answer.json(404, "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"no route\"}}")
                    : route.apply(r);
            a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
            if (a.body().length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(a.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
