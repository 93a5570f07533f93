package io.m365platform.graphsim.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes one response. Small JSON documents are buffered (sent with Content-Length); large collections are
 * streamed with chunked encoding straight from a Jackson generator, so a 999-user page never sits in memory
 * as a tree.
 */
public final class SimResponse {
    private final HttpExchange exchange;
    private int status;
    private boolean committed;
    private java.util.function.IntConsumer onCommit = s -> {
    };

    public SimResponse(HttpExchange exchange) {
        this.exchange = exchange;
    }

    /**
     * Called with the status just before the headers go out (0 for a dropped connection): counters and the request
     * log are written then, so a client that has its answer always finds its request counted.
     */
    public void onCommit(java.util.function.IntConsumer callback) {
        this.onCommit = callback;
    }

    public SimResponse header(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public boolean committed() {
        return committed;
    }

    private void begin(int status, long length) throws IOException {
        if (committed) {
            throw new IllegalStateException("Response already committed");
        }
        committed = true;
        this.status = status;
        onCommit.accept(status);
        exchange.sendResponseHeaders(status, length);
    }

    /** A buffered JSON response. */
    public void json(int status, JsonWriter writer) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
        try (JsonGenerator g = Json.FACTORY.createGenerator(buffer)) {
            writer.write(g);
        }
        bytes(status, "application/json; charset=utf-8", buffer.toByteArray());
    }

    /** A JSON response streamed with chunked transfer encoding. */
    public void streamJson(int status, JsonWriter writer) throws IOException {
        header("Content-Type", "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8");
        begin(status, 0);
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024);
             JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            writer.write(g);
        }
    }

    public void bytes(int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            header("Content-Type", contentType);
        }
        if (body.length == 0) {
            begin(status, -1);
            exchange.getResponseBody().close();
            return;
        }
        begin(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public void text(int status, String contentType, String body) throws IOException {
        bytes(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A response without body (204, 202 with Location, 302). */
    public void empty(int status) throws IOException {
        begin(status, -1);
        exchange.getResponseBody().close();
    }

    public void redirect(int status, String location) throws IOException {
        header("Location", location);
        empty(status);
    }

    /**
     * Drops the connection without answering (fault injection "connection reset"): the JDK server closes the
     * socket when an exchange is closed before its headers were sent; the client sees an unexpected end of stream.
     */
    public void abortConnection() {
        committed = true;
        status = 0;
        onCommit.accept(0);
        exchange.close();
    }
}
