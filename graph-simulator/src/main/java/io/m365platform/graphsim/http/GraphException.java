package io.m365platform.graphsim.http;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Microsoft Graph error: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}
 * (GRAPH_FACTS §7.2: innerError camelCase, date without offset). Extra response headers (Retry-After,
 * WWW-Authenticate) ride along.
 */
public final class GraphException extends HttpProblem {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private final String code;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public GraphException(int status, String code, String message) {
        super(status, message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public GraphException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public static GraphException badRequest(String message) {
        return new GraphException(400, "Request_BadRequest", message);
    }

    public static GraphException notFound(String id) {
        return new GraphException(404, "Request_ResourceNotFound",
                "Resource '" + id + "' does not exist or one of its queried reference-property objects are not present.");
    }

    public static GraphException unsupportedQuery(String message) {
        return new GraphException(400, "Request_UnsupportedQuery", message);
    }

    public static GraphException forbidden() {
        return new GraphException(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    }

    public static GraphException unauthenticated(String message) {
        return new GraphException(401, "InvalidAuthenticationToken", message)
                .header("WWW-Authenticate", "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
    }

    @Override
    public void write(SimRequest request, SimResponse response) throws IOException {
        headers.forEach(response::header);
        String date = LocalDateTime.now(ZoneOffset.UTC).format(DATE);
        response.json(status(), g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeStringField("code", code);
            g.writeStringField("message", getMessage());
            g.writeObjectFieldStart("innerError");
            g.writeStringField("date", date);
            g.writeStringField("request-id", request.requestId());
            g.writeStringField("client-request-id", request.clientRequestId());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        });
    }
}
