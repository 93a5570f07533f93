package io.m365platform.graphsim.identity;

import io.m365platform.graphsim.http.HttpProblem;
import io.m365platform.graphsim.http.SimRequest;
import io.m365platform.graphsim.http.SimResponse;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * A Microsoft identity platform error (GRAPH_FACTS §1.2):
 * {"error","error_description":"AADSTSn: text\r\nTrace ID: …\r\nCorrelation ID: …\r\nTimestamp: …",
 * "error_codes":[n],"timestamp","trace_id","correlation_id","error_uri"[,"suberror"]}.
 */
public final class AadError extends HttpProblem {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");
    private final String error;
    private final int code;
    private final String suberror;

    public AadError(int status, String error, int code, String text, String suberror) {
        super(status, "AADSTS" + code + ": " + text);
        this.error = error;
        this.code = code;
        this.suberror = suberror;
    }

    public AadError(int status, String error, int code, String text) {
        this(status, error, code, text, null);
    }

    public String error() {
        return error;
    }

    public int code() {
        return code;
    }

    // ---- the documented cases ----

    public static AadError invalidSecret(String clientId) {
        return new AadError(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '" + clientId + "'.");
    }

    public static AadError expiredSecret(String clientId) {
        return new AadError(401, "invalid_client", 7000222, "The provided client secret keys for app '" + clientId + "' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.");
    }

    public static AadError missingSecret() {
        return new AadError(401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }

    public static AadError unknownTenant(String tenant) {
        return new AadError(400, "invalid_tenant", 90002, "Tenant '" + tenant + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.");
    }

    public static AadError unknownApp(String clientId, String tenantName) {
        return new AadError(400, "unauthorized_client", 700016, "Application with identifier '" + clientId + "' was not found in the directory '" + tenantName + "'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.");
    }

    public static AadError consentRequired(String clientId) {
        return new AadError(400, "invalid_grant", 65001, "The user or administrator has not consented to use the application with ID '" + clientId + "'. Send an interactive authorization request for this user and resource.", "consent_required");
    }

    public static AadError refreshTokenExpired() {
        return new AadError(400, "invalid_grant", 700082, "The refresh token has expired due to inactivity. The token was issued on a date and was inactive for the configured period.");
    }

    public static AadError grantRevoked() {
        return new AadError(400, "invalid_grant", 50173, "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.");
    }

    public static AadError missingParameter(String name) {
        return new AadError(400, "invalid_request", 900144, "The request body must contain the following parameter: '" + name + "'.");
    }

    public static AadError invalidGrant(int code, String text) {
        return new AadError(400, "invalid_grant", code, text);
    }

    public static AadError invalidScope(String text) {
        return new AadError(400, "invalid_scope", 1002012, text);
    }

    public static AadError unsupportedGrantType(String grantType) {
        return new AadError(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '" + grantType + "'.");
    }

    public static AadError unknownResource(String resource, String tenantName) {
        return new AadError(400, "invalid_resource", 500011, "The resource principal named " + resource + " was not found in the tenant named " + tenantName + ". This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.");
    }

    @Override
    public void write(SimRequest request, SimResponse response) throws IOException {
        String timestamp = ZonedDateTime.now(ZoneOffset.UTC).format(TIMESTAMP);
        String traceId = request.requestId();
        String correlationId = request.header("client-request-id") != null ? request.clientRequestId() : UUID.randomUUID().toString();
        response.header("client-request-id", correlationId);
        response.header("x-ms-request-id", traceId);
        response.header("Cache-Control", "no-store, no-cache");
        response.json(status(), g -> {
            g.writeStartObject();
            g.writeStringField("error", error);
            g.writeStringField("error_description", getMessage() + "\r\nTrace ID: " + traceId + "\r\nCorrelation ID: "
                    + correlationId + "\r\nTimestamp: " + timestamp);
            g.writeArrayFieldStart("error_codes");
            g.writeNumber(code);
            g.writeEndArray();
            g.writeStringField("timestamp", timestamp);
            g.writeStringField("trace_id", traceId);
            g.writeStringField("correlation_id", correlationId);
            g.writeStringField("error_uri", "https://login.microsoftonline.com/error?code=" + code);
            if (suberror != null) {
                g.writeStringField("suberror", suberror);
            }
            g.writeEndObject();
        });
    }
}
