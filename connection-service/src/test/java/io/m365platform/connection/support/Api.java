package io.m365platform.connection.support;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;

/**
 * REST calls as the platform's roles, with bearer tokens signed by the test OIDC server. Every response body is
 * kept for the secret scan.
 */
public final class Api {

    private static final List<String> BODIES = new ArrayList<>();
    private static final List<String> CODES = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Api() {
    }

    public static String token(String user, String role) {
        return OidcWiremockTestResource.getAccessToken(user, Set.of(role));
    }

    public static RequestSpecification as(String role) {
        return given().auth().oauth2(token(role + "-user", role)).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return as("admin");
    }

    public static RequestSpecification operator() {
        return as("operator");
    }

    public static RequestSpecification service() {
        return as("service");
    }

    /** Keeps the body of a response for {@link #allBodies()}. */
    public static Response kept(Response response) {
        synchronized (BODIES) {
            BODIES.add(response.asString());
            response.getHeaders().forEach(h -> BODIES.add(h.getName() + ": " + h.getValue()));
        }
        return response;
    }

    /** Authorization codes handed to the callback in this run (for the secret scan). */
    public static List<String> authorizationCodes() {
        return List.copyOf(CODES);
    }

    public static String allBodies() {
        synchronized (BODIES) {
            return String.join("\n", BODIES);
        }
    }

    /** Creates a connection and returns the response (201 expected by the caller). */
    public static Response create(String product, String method, String tenant, String clientId, String secret,
                                  String level) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("product", product);
        body.put("method", method);
        body.put("tenant", tenant);
        body.put("clientId", clientId);
        body.put("clientSecret", secret);
        body.put("permissionLevel", level);
        body.put("displayName", product + " " + method + " " + level);
        return kept(admin().body(body).post("/connections"));
    }

    /**
     * Runs the admin-user sign-in end to end: start, follow the authorization URL to the simulator's browserless
     * sign-in (as the tenant's admin), hand the redirect's code and state to the callback.
     */
    public static Response signIn(String connectionId) {
        return signIn(connectionId, null);
    }

    /** The same, signing in as {@code loginHint} (null: the tenant's admin). */
    public static Response signIn(String connectionId, String loginHint) {
        Map<String, Object> hint = new HashMap<>();
        if (loginHint != null) {
            hint.put("loginHint", loginHint);
        }
        Response started = kept(admin().body(hint).post("/connections/" + connectionId + "/admin-user/start"));
        if (started.statusCode() != 200) {
            throw new AssertionError("start sign-in: " + started.statusCode() + " " + started.asString());
        }
        Map<String, String> redirect = followAuthorization(started.path("authorizationUrl"));
        if (redirect.get("code") != null) {
            CODES.add(redirect.get("code"));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("state", redirect.get("state"));
        body.put("code", redirect.get("code"));
        body.put("error", redirect.get("error"));
        body.put("errorDescription", redirect.get("error_description"));
        return kept(admin().body(body).post("/connections/" + connectionId + "/admin-user/callback"));
    }

    /** GETs the authorization URL (no redirects followed) and returns the query of the redirect back to us. */
    public static Map<String, String> followAuthorization(String authorizationUrl) {
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(SimulatorResource.simulator().clientSslContext())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, String> query = new HashMap<>();
            java.util.Optional<String> location = response.headers().firstValue("Location");
            if (location.isPresent()) {
                if (!location.get().startsWith(SimulatorResource.REDIRECT_URI)) {
                    throw new AssertionError("redirected elsewhere: " + location.get());
                }
                for (String pair : URI.create(location.get()).getRawQuery().split("&")) {
                    int eq = pair.indexOf('=');
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            } else {
                // response_mode=form_post: the browser would POST these hidden fields to the redirect URI.
                java.util.regex.Matcher m = java.util.regex.Pattern
                        .compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"/>")
                        .matcher(response.body());
                while (m.find()) {
                    query.put(m.group(1), m.group(2).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                            .replace("&amp;", "&"));
                }
                if (!response.body().contains("action=\"" + SimulatorResource.REDIRECT_URI + "\"") || query.isEmpty()) {
                    throw new AssertionError("authorize answered neither a redirect nor a form post: "
                            + response.statusCode() + " " + response.body());
                }
            }
            return query;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
