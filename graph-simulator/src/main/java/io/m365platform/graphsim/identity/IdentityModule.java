package io.m365platform.graphsim.identity;

import io.m365platform.graphsim.SimulatorContext;
import io.m365platform.graphsim.SimulatorModule;
import io.m365platform.graphsim.http.SimRequest;
import io.m365platform.graphsim.http.SimResponse;
import io.m365platform.graphsim.model.RoleAssignment;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.AppRegistration;
import io.m365platform.graphsim.tenant.ClientSecret;
import io.m365platform.graphsim.tenant.Tenant;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Microsoft identity platform v2.0 endpoints: token (client credentials, authorization code with PKCE, refresh
 * token), a browserless authorize that signs in the tenant's configured admin, OIDC discovery and JWKS.
 */
public final class IdentityModule implements SimulatorModule {
    private SimulatorContext ctx;

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public void registerRoutes(SimulatorContext context) {
        this.ctx = context;
        context.identity("POST", "/{tenant}/oauth2/v2.0/token", this::token);
        context.identity("GET", "/{tenant}/oauth2/v2.0/authorize", this::authorize);
        context.identity("GET", "/{tenant}/v2.0/.well-known/openid-configuration", this::discovery);
        context.identity("GET", "/{tenant}/discovery/v2.0/keys", this::keys);
        context.identity("GET", "/{tenant}/discovery/keys", this::keys);
    }

    // ------------------------------------------------------------------ helpers

    private Tenant tenant(String idOrDomain) {
        Tenant t = ctx.tenants().find(idOrDomain);
        if (t == null) {
            throw AadError.unknownTenant(idOrDomain);
        }
        return t;
    }

    private static String tenantName(Tenant t) {
        return t.read(() -> t.organization().displayName());
    }

    private record ClientCredentials(String clientId, String secret) {
    }

    /** client_secret_post, or HTTP Basic (RFC 6749 §2.3.1). */
    private static ClientCredentials credentials(SimRequest req, Map<String, String> form) {
        String auth = req.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                return new ClientCredentials(java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
            }
        }
        return new ClientCredentials(form.get("client_id"), form.get("client_secret"));
    }

    private AppRegistration app(Tenant t, String clientId) {
        if (clientId == null || clientId.isBlank()) {
            throw AadError.missingParameter("client_id");
        }
        AppRegistration app = t.apps().find(clientId);
        if (app == null) {
            throw AadError.unknownApp(clientId, tenantName(t));
        }
        return app;
    }

    private static void authenticate(AppRegistration app, String secret, Instant now) {
        if (secret == null || secret.isEmpty()) {
            throw AadError.missingSecret();
        }
        boolean matchedExpired = false;
        for (ClientSecret s : app.secrets()) {
            if (s.matches(secret)) {
                if (!s.expiredAt(now)) {
                    return;
                }
                matchedExpired = true;
            }
        }
        throw matchedExpired ? AadError.expiredSecret(app.clientId()) : AadError.invalidSecret(app.clientId());
    }

    private String issuer(Tenant t) {
        return ctx.baseUrl() + "/" + t.id() + "/v2.0";
    }

    // ------------------------------------------------------------------ token endpoint

    private void token(SimRequest req, SimResponse res) throws Exception {
        Tenant t = tenant(req.pathVariable("tenant"));
        Map<String, String> form = req.form();
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            throw AadError.missingParameter("grant_type");
        }
        ClientCredentials creds = credentials(req, form);
        AppRegistration app = app(t, creds.clientId());
        Instant now = ctx.clock().instant();
        switch (grantType) {
            case "client_credentials" -> clientCredentials(req, res, t, app, creds, form, now);
            case "authorization_code" -> authorizationCode(req, res, t, app, creds, form, now);
            case "refresh_token" -> refreshToken(req, res, t, app, creds, form, now);
            default -> throw AadError.unsupportedGrantType(grantType);
        }
    }

    private void clientCredentials(SimRequest req, SimResponse res, Tenant t, AppRegistration app, ClientCredentials creds,
                                   Map<String, String> form, Instant now) throws Exception {
        authenticate(app, creds.secret(), now);
        String scope = form.get("scope");
        if (scope == null || scope.isBlank()) {
            throw AadError.missingParameter("scope");
        }
        ScopeRequest scopes = ScopeRequest.parse(scope);
        if (scopes.foreignResource() != null) {
            throw AadError.unknownResource(scopes.foreignResource(), tenantName(t));
        }
        if (!scopes.graphDefault() || !scopes.graphPermissions().isEmpty()) {
            throw AadError.invalidScope("The provided value for scope " + scope + " is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
        }
        String token = ctx.tokens().appToken(t, app, now);
        long expiresIn = ctx.tokens().lifetime().toSeconds();
        res.header("Cache-Control", "no-store, no-cache");
        echoCorrelation(req, res);
        res.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("token_type", "Bearer");
            g.writeNumberField("expires_in", expiresIn);
            g.writeNumberField("ext_expires_in", expiresIn);
            g.writeStringField("access_token", token);
            g.writeEndObject();
        });
    }

    private static void echoCorrelation(SimRequest req, SimResponse res) {
        if (req.header("client-request-id") != null) {
            res.header("client-request-id", req.clientRequestId());
        }
        res.header("x-ms-request-id", req.requestId());
    }

    /** Delegated scopes to grant: requested ones (or all consented with .default); anything unconsented → 65001. */
    private static Set<String> delegatedScopes(AppRegistration app, ScopeRequest scopes) {
        Set<String> granted = new TreeSet<>(scopes.graphPermissions());
        if (scopes.graphDefault()) {
            granted.addAll(app.delegatedPermissions());
        }
        if (granted.isEmpty() || !app.delegatedPermissions().containsAll(granted)) {
            throw AadError.consentRequired(app.clientId());
        }
        return granted;
    }

    private void authorizationCode(SimRequest req, SimResponse res, Tenant t, AppRegistration app, ClientCredentials creds,
                                   Map<String, String> form, Instant now) throws Exception {
        authenticate(app, creds.secret(), now);
        String codeValue = form.get("code");
        if (codeValue == null || codeValue.isBlank()) {
            throw AadError.missingParameter("code");
        }
        GrantStore.AuthorizationCode code = ctx.grants().redeemCode(codeValue);
        if (code == null) {
            if (ctx.grants().wasRedeemed(codeValue)) {
                throw AadError.invalidGrant(54005, "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.");
            }
            throw AadError.invalidGrant(9002313, "Invalid request. Request is malformed or invalid.");
        }
        if (!code.tenantId().equals(t.id()) || !code.clientId().equalsIgnoreCase(app.clientId())) {
            throw AadError.invalidGrant(70000, "Provided grant is invalid or malformed: the code was issued to another client or tenant.");
        }
        if (now.isAfter(code.expiresAt())) {
            throw AadError.invalidGrant(70008, "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.");
        }
        if (!code.redirectUri().equals(form.get("redirect_uri"))) {
            throw AadError.invalidGrant(70000, "Provided grant is invalid or malformed: redirect_uri does not match the one of the authorization request.");
        }
        if (code.codeChallenge() != null) {
            String verifier = form.get("code_verifier");
            if (verifier == null || !pkceMatches(code.codeChallenge(), code.codeChallengeMethod(), verifier)) {
                throw AadError.invalidGrant(501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request.");
            }
        }
        ScopeRequest requested = ScopeRequest.parse(form.getOrDefault("scope", String.join(" ", code.scopes())));
        issueDelegated(req, res, t, app, code.userId(), requested, code.nonce(), form, now);
    }

    private static boolean pkceMatches(String challenge, String method, String verifier) {
        if ("plain".equalsIgnoreCase(method)) {
            return challenge.equals(verifier);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return challenge.equals(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (Exception e) {
            return false;
        }
    }

    private void refreshToken(SimRequest req, SimResponse res, Tenant t, AppRegistration app, ClientCredentials creds,
                              Map<String, String> form, Instant now) throws Exception {
        authenticate(app, creds.secret(), now);
        String value = form.get("refresh_token");
        if (value == null || value.isBlank()) {
            throw AadError.missingParameter("refresh_token");
        }
        GrantStore.RefreshGrant grant = ctx.grants().refreshGrant(value);
        if (grant == null || !grant.tenantId.equals(t.id())) {
            throw AadError.invalidGrant(9002313, "Invalid request. Request is malformed or invalid.");
        }
        if (!grant.clientId.equalsIgnoreCase(app.clientId())) {
            throw AadError.invalidGrant(70000, "Provided grant is invalid or malformed: the refresh token was issued to another client.");
        }
        if (grant.revoked) {
            throw AadError.grantRevoked();
        }
        if (ctx.grants().expiredForInactivity(grant, now)) {
            throw AadError.refreshTokenExpired();
        }
        ctx.grants().touch(grant, now);
        ScopeRequest requested = ScopeRequest.parse(form.getOrDefault("scope", String.join(" ", grant.scopes)));
        issueDelegated(req, res, t, app, grant.userId, requested, null, form, now);
    }

    private void issueDelegated(SimRequest req, SimResponse res, Tenant t, AppRegistration app, String userId,
                                ScopeRequest requested, String nonce, Map<String, String> form, Instant now) throws Exception {
        if (requested.foreignResource() != null) {
            throw AadError.unknownResource(requested.foreignResource(), tenantName(t));
        }
        Set<String> scp = delegatedScopes(app, requested);
        User user = t.users().get(userId);
        if (user == null) {
            throw AadError.invalidGrant(50034, "The user account does not exist in the directory. To sign into this application, the account must be added to the directory.");
        }
        if (!user.accountEnabled()) {
            throw AadError.invalidGrant(50057, "The user account is disabled.");
        }
        List<String> wids = t.read(() -> {
            List<String> r = new ArrayList<>();
            for (RoleAssignment a : t.roleAssignmentList()) {
                if (a.principalId().equals(user.id()) && !r.contains(a.roleDefinitionId())) {
                    r.add(a.roleDefinitionId());
                }
            }
            return r;
        });
        String access = ctx.tokens().delegatedToken(t, app, user, scp, wids, now);
        String refresh = requested.offlineAccess() ? ctx.grants().issueRefreshToken(t.id(), app.clientId(), user.id(), requested.raw(), now) : null;
        String idToken = requested.openid() ? ctx.tokens().idToken(issuer(t), t, app, user, nonce, now) : null;
        Set<String> responseScopes = new LinkedHashSet<>();
        for (String s : scp) {
            responseScopes.add("https://graph.microsoft.com/" + s);
        }
        if (requested.graphDefault()) {
            responseScopes.add("https://graph.microsoft.com/.default");
        }
        if (requested.openid()) {
            responseScopes.add("openid");
            responseScopes.add("profile");
        }
        if (requested.offlineAccess()) {
            responseScopes.add("offline_access");
        }
        long expiresIn = ctx.tokens().lifetime().toSeconds();
        boolean clientInfo = "1".equals(form.get("client_info"));
        res.header("Cache-Control", "no-store, no-cache");
        echoCorrelation(req, res);
        res.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("token_type", "Bearer");
            g.writeStringField("scope", String.join(" ", responseScopes));
            g.writeNumberField("expires_in", expiresIn);
            g.writeNumberField("ext_expires_in", expiresIn);
            g.writeStringField("access_token", access);
            if (refresh != null) {
                g.writeStringField("refresh_token", refresh);
            }
            if (idToken != null) {
                g.writeStringField("id_token", idToken);
            }
            if (clientInfo) {
                g.writeStringField("client_info", TokenIssuer.clientInfo(user.id(), t.id()));
            }
            g.writeEndObject();
        });
    }

    // ------------------------------------------------------------------ authorize (browserless sign-in)

    private void authorize(SimRequest req, SimResponse res) throws Exception {
        Tenant t = tenant(req.pathVariable("tenant"));
        AppRegistration app = app(t, req.query("client_id"));
        String redirectUri = req.query("redirect_uri");
        if (app.redirectUris().isEmpty()) {
            throw new AadError(400, "invalid_request", 500113, "No reply address is registered for the application.");
        }
        if (redirectUri == null || !app.redirectUris().contains(redirectUri)) {
            throw new AadError(400, "invalid_request", 50011, "The redirect URI '" + redirectUri + "' specified in the request does not match the redirect URIs configured for the application '" + app.clientId() + "'.");
        }
        String state = req.query("state");
        String mode = req.query().getOrDefault("response_mode", "query");
        if (!"code".equals(req.query("response_type"))) {
            redirect(res, redirectUri, mode, params("error", "unsupported_response_type", "error_description",
                    "AADSTS700054: response_type '" + req.query("response_type") + "' is not enabled for the application.", "state", state));
            return;
        }
        String scope = req.query("scope");
        if (scope == null || scope.isBlank()) {
            redirect(res, redirectUri, mode, params("error", "invalid_request", "error_description",
                    "AADSTS900144: The request body must contain the following parameter: 'scope'.", "state", state));
            return;
        }
        String loginHint = req.query("login_hint");
        String userKey = loginHint != null && !loginHint.isBlank() ? loginHint : t.adminUserId();
        User user = userKey == null ? null : t.users().get(userKey);
        if (user == null) {
            throw new AadError(400, "invalid_request", 50034, "The user account " + (loginHint == null ? "{EmailHidden}" : loginHint) + " does not exist in the '" + t.id() + "' directory. To sign into this application, the account must be added to the directory.");
        }
        if (!user.accountEnabled()) {
            redirect(res, redirectUri, mode, params("error", "access_denied", "error_description",
                    "AADSTS50057: The user account is disabled.", "state", state));
            return;
        }
        String challenge = req.query("code_challenge");
        String method = req.query("code_challenge_method");
        if (challenge != null && method != null && !method.equals("S256") && !method.equals("plain")) {
            redirect(res, redirectUri, mode, params("error", "invalid_request", "error_description",
                    "AADSTS501491: Invalid code_challenge_method.", "state", state));
            return;
        }
        String code = ctx.grants().issueCode(new GrantStore.AuthorizationCode(t.id(), app.clientId(), user.id(), redirectUri,
                ScopeRequest.parse(scope).raw(), challenge, method == null ? "plain" : method, req.query("nonce"),
                ctx.clock().instant().plus(GrantStore.CODE_LIFETIME)));
        redirect(res, redirectUri, mode, params("code", code, "state", state, "session_state", java.util.UUID.randomUUID().toString()));
    }

    private static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    private static void redirect(SimResponse res, String redirectUri, String mode, Map<String, String> params) throws Exception {
        if ("form_post".equals(mode)) {
            StringBuilder html = new StringBuilder("<html><head><title>Working...</title></head><body onload=\"document.forms[0].submit()\"><form method=\"POST\" action=\"")
                    .append(escape(redirectUri)).append("\">");
            params.forEach((k, v) -> html.append("<input type=\"hidden\" name=\"").append(escape(k)).append("\" value=\"").append(escape(v)).append("\"/>"));
            html.append("<noscript><input type=\"submit\" value=\"Continue\"/></noscript></form></body></html>");
            res.text(200, "text/html; charset=utf-8", html.toString());
            return;
        }
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        char sep = "fragment".equals(mode) ? '#' : (redirectUri.contains("?") ? '&' : '?');
        res.redirect(302, redirectUri + sep + q);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ------------------------------------------------------------------ discovery

    private void discovery(SimRequest req, SimResponse res) throws Exception {
        String segment = req.pathVariable("tenant");
        String tenantPart;
        if (Set.of("common", "organizations", "consumers").contains(segment.toLowerCase())) {
            tenantPart = "{tenantid}";
        } else {
            tenantPart = tenant(segment).id();
        }
        String base = ctx.baseUrl();
        String authority = base + "/" + segment;
        res.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("token_endpoint", authority + "/oauth2/v2.0/token");
            g.writeArrayFieldStart("token_endpoint_auth_methods_supported");
            g.writeString("client_secret_post");
            g.writeString("client_secret_basic");
            g.writeEndArray();
            g.writeStringField("jwks_uri", authority + "/discovery/v2.0/keys");
            g.writeArrayFieldStart("response_modes_supported");
            g.writeString("query");
            g.writeString("fragment");
            g.writeString("form_post");
            g.writeEndArray();
            g.writeArrayFieldStart("subject_types_supported");
            g.writeString("pairwise");
            g.writeEndArray();
            g.writeArrayFieldStart("id_token_signing_alg_values_supported");
            g.writeString("RS256");
            g.writeEndArray();
            g.writeArrayFieldStart("response_types_supported");
            g.writeString("code");
            g.writeEndArray();
            g.writeArrayFieldStart("scopes_supported");
            for (String s : List.of("openid", "profile", "email", "offline_access")) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeStringField("issuer", base + "/" + tenantPart + "/v2.0");
            g.writeBooleanField("request_uri_parameter_supported", false);
            g.writeStringField("authorization_endpoint", authority + "/oauth2/v2.0/authorize");
            g.writeArrayFieldStart("code_challenge_methods_supported");
            g.writeString("plain");
            g.writeString("S256");
            g.writeEndArray();
            g.writeArrayFieldStart("grant_types_supported");
            for (String s : List.of("authorization_code", "client_credentials", "refresh_token")) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeStringField("tenant_region_scope", "NA");
            g.writeStringField("cloud_instance_name", "microsoftonline.com");
            g.writeStringField("msgraph_host", base.substring(base.indexOf("://") + 3));
            g.writeEndObject();
        });
    }

    private void keys(SimRequest req, SimResponse res) throws Exception {
        String segment = req.pathVariable("tenant");
        if (!Set.of("common", "organizations", "consumers").contains(segment.toLowerCase())) {
            tenant(segment);
        }
        Map<String, Object> jwk = ctx.signingKey().jwk();
        res.json(200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("keys");
            g.writeObject(jwk);
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
