package io.m365platform.graphsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.AuthorizationRequestUrlParameters;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.RefreshTokenParameters;
import com.microsoft.aad.msal4j.SilentParameters;
import io.m365platform.graphsim.http.Json;
import io.m365platform.graphsim.tenant.AppOperations.RegisteredApp;
import io.m365platform.graphsim.tenant.AppOperations.Registration;
import io.m365platform.graphsim.tenant.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Entra token endpoints driven by msal4j: success, caching, every documented AADSTS error, auth code + PKCE + refresh. */
class TokenEndpointTest {
    static GraphSimulator sim;
    static Tenant tenant;
    static RegisteredApp reader;

    @BeforeAll
    static void start() {
        sim = GraphSimulator.start();
        tenant = sim.tenants().generate(new io.m365platform.graphsim.tenant.GenerationSpec(7, 60, "tokens"));
        reader = tenant.apps().register(Registration.of("reader", Set.of("User.Read.All", "Reports.Read.All")));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static Map<String, Object> claims(String jwt) throws Exception {
        return Json.MAPPER.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), Map.class);
    }

    static MsalServiceException tokenFailure(ConfidentialClientApplication app) {
        CompletionException e = assertThrows(CompletionException.class,
                () -> app.acquireToken(ClientCredentialParameters.builder(SimClients.GRAPH_DEFAULT).build()).join());
        assertTrue(e.getCause() instanceof MsalServiceException, "cause: " + e.getCause());
        return (MsalServiceException) e.getCause();
    }

    @Test
    void clientCredentialsTokenCarriesGrantedRolesAndIsCachedByMsal() throws Exception {
        ConfidentialClientApplication app = SimClients.msal(sim, tenant.id(), reader.clientId(), reader.secret());
        long before = sim.counters().count("POST /{tenant}/oauth2/v2.0/token", 200);
        IAuthenticationResult first = SimClients.appToken(app);
        IAuthenticationResult second = SimClients.appToken(app);
        assertEquals(first.accessToken(), second.accessToken(), "msal4j must serve the second token from its cache");
        assertEquals(before + 1, sim.counters().count("POST /{tenant}/oauth2/v2.0/token", 200));
        Map<String, Object> c = claims(first.accessToken());
        assertEquals(List.of("Reports.Read.All", "User.Read.All"), c.get("roles"));
        assertEquals(tenant.id(), c.get("tid"));
        assertEquals(reader.clientId(), c.get("appid"));
        assertEquals("https://graph.microsoft.com", c.get("aud"));
        long lifetime = ((Number) c.get("exp")).longValue() - ((Number) c.get("iat")).longValue();
        assertEquals(3599, lifetime);
    }

    @Test
    void tenantIsAddressableByVerifiedDomain() {
        ConfidentialClientApplication app = SimClients.msal(sim, "tokens.onmicrosoft.com", reader.clientId(), reader.secret());
        assertNotNull(SimClients.appToken(app).accessToken());
    }

    @Test
    void appWithoutConsentedPermissionsGetsATokenWithoutRolesClaim() throws Exception {
        RegisteredApp bare = tenant.apps().register(Registration.of("bare", Set.of()));
        String token = SimClients.appToken(SimClients.msal(sim, tenant.id(), bare.clientId(), bare.secret())).accessToken();
        assertFalse(claims(token).containsKey("roles"));
    }

    @Test
    void wrongSecretIs7000215() {
        MsalServiceException e = tokenFailure(SimClients.msal(sim, tenant.id(), reader.clientId(), "not-the-secret"));
        assertEquals(401, e.statusCode());
        assertEquals("invalid_client", e.errorCode());
        assertTrue(e.getMessage().startsWith("AADSTS7000215:"), e.getMessage());
    }

    @Test
    void expiredSecretIs7000222AndAnotherValidSecretStillWorks() {
        RegisteredApp app = tenant.apps().register(new Registration(null, "rotating", Set.of("User.Read.All"), Set.of(), List.of(),
                List.of(Duration.ofDays(-1), Duration.ofDays(30)), List.of()));
        MsalServiceException e = tokenFailure(SimClients.msal(sim, tenant.id(), app.clientId(), app.secrets().get(0).value()));
        assertEquals(401, e.statusCode());
        assertTrue(e.getMessage().startsWith("AADSTS7000222:"), e.getMessage());
        assertNotNull(SimClients.appToken(SimClients.msal(sim, tenant.id(), app.clientId(), app.secrets().get(1).value())));
        tenant.apps().expireSecrets(app.clientId(), app.secrets().get(1).keyId());
        assertTrue(tokenFailure(SimClients.msal(sim, tenant.id(), app.clientId(), app.secrets().get(1).value()))
                .getMessage().startsWith("AADSTS7000222:"));
    }

    @Test
    void unknownTenantIs90002() {
        MsalServiceException e = tokenFailure(SimClients.msal(sim, "nosuchtenant.onmicrosoft.com", reader.clientId(), reader.secret()));
        assertEquals(400, e.statusCode());
        assertEquals("invalid_tenant", e.errorCode());
        assertTrue(e.getMessage().startsWith("AADSTS90002:"), e.getMessage());
    }

    @Test
    void unknownAppIs700016() {
        MsalServiceException e = tokenFailure(SimClients.msal(sim, tenant.id(), "11111111-2222-3333-4444-555555555555", "x"));
        assertEquals(400, e.statusCode());
        assertEquals("unauthorized_client", e.errorCode());
        assertTrue(e.getMessage().startsWith("AADSTS700016:"), e.getMessage());
    }

    @Test
    void errorBodyHasTheDocumentedShape() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(sim.clientSslContext()).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.tokenUrl(tenant.id())))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + reader.clientId()
                        + "&client_secret=wrong&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertEquals(401, r.statusCode());
        assertEquals(7000215, body.get("error_codes").get(0).asInt());
        assertTrue(body.get("error_description").asText().matches("(?s)AADSTS7000215: .*\r\nTrace ID: .*\r\nCorrelation ID: .*\r\nTimestamp: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ"));
        for (String f : List.of("timestamp", "trace_id", "correlation_id", "error_uri")) {
            assertTrue(body.hasNonNull(f), f);
        }
    }

    private static String pkceChallenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * The "browser" step: open the authorize URL once and read the code from the redirect (response_mode=query)
     * or from the auto-posting form (form_post, msal4j's default for confidential clients).
     */
    private static String signIn(URI authorizeUrl) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(sim.clientSslContext()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(authorizeUrl).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"code\" value=\"([^\"]+)\"").matcher(r.body());
            assertTrue(r.body().contains("name=\"state\" value=\"xyz\"") && m.find(), r.body());
            return m.group(1);
        }
        assertEquals(302, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("state=xyz"), location);
        Map<String, String> q = io.m365platform.graphsim.http.SimRequest.parseQuery(URI.create(location).getRawQuery());
        return q.get("code");
    }

    @Test
    void authorizationCodeWithPkceThenSilentRefreshGivesDelegatedScopes() throws Exception {
        RegisteredApp admin = tenant.apps().register(new Registration(null, "admin-method", Set.of(),
                Set.of("User.Read.All", "Reports.Read.All"), List.of("http://localhost/callback"), List.of(Duration.ofDays(30)), List.of()));
        ConfidentialClientApplication app = SimClients.msalDelegated(sim, tenant.id(), admin.clientId(), admin.secret());
        Set<String> scopes = Set.of("https://graph.microsoft.com/User.Read.All", "https://graph.microsoft.com/Reports.Read.All");
        String verifier = "verifier-0123456789-0123456789-0123456789-0123456789";
        URI url = app.getAuthorizationRequestUrl(AuthorizationRequestUrlParameters.builder("http://localhost/callback", scopes)
                .state("xyz").responseMode(com.microsoft.aad.msal4j.ResponseMode.QUERY)
                .codeChallenge(pkceChallenge(verifier)).codeChallengeMethod("S256").build()).toURI();
        String code = signIn(url);
        IAuthenticationResult result = app.acquireToken(AuthorizationCodeParameters.builder(code, URI.create("http://localhost/callback"))
                .scopes(scopes).codeVerifier(verifier).build()).join();
        Map<String, Object> c = claims(result.accessToken());
        assertEquals("Reports.Read.All User.Read.All", c.get("scp"));
        assertEquals(tenant.adminUserId(), c.get("oid"));
        assertFalse(c.containsKey("roles"));
        assertTrue(((List<?>) c.get("wids")).contains("62e90394-69f5-4237-9190-012177145e10"), "admin is a Global Administrator");
        var me = SimClients.graph(sim, result::accessToken).me().get();
        assertEquals(tenant.adminUserId(), me.getId(), "/me is the signed-in admin");
        var appOnly = SimClients.graph(sim, SimClients.msal(sim, tenant.id(), reader.clientId(), reader.secret()));
        assertEquals(400, assertThrows(com.microsoft.graph.models.odataerrors.ODataError.class, () -> appOnly.me().get()).getResponseStatusCode());
        IAccount account = result.account();
        assertNotNull(account);
        assertNotNull(result.idToken());
        // silent: forceRefresh makes msal4j use its cached refresh token
        IAuthenticationResult refreshed = app.acquireTokenSilently(SilentParameters.builder(scopes, account).authorityUrl(sim.authorityUrlLocalhost(tenant.id())).forceRefresh(true).build()).join();
        assertEquals("Reports.Read.All User.Read.All", claims(refreshed.accessToken()).get("scp"));
        assertTrue(sim.counters().count("POST /{tenant}/oauth2/v2.0/token", 200) >= 2);

        // the code is single-use and needs the right verifier
        CompletionException reuse = assertThrows(CompletionException.class, () -> app.acquireToken(AuthorizationCodeParameters
                .builder(code, URI.create("http://localhost/callback")).scopes(scopes).codeVerifier(verifier).build()).join());
        assertTrue(reuse.getCause().getMessage().startsWith("AADSTS54005"), reuse.getCause().getMessage());
        String code2 = signIn(url);
        CompletionException badVerifier = assertThrows(CompletionException.class, () -> app.acquireToken(AuthorizationCodeParameters
                .builder(code2, URI.create("http://localhost/callback")).scopes(scopes).codeVerifier("wrong-verifier-wrong-verifier-wrong-verifier").build()).join());
        assertTrue(badVerifier.getCause().getMessage().startsWith("AADSTS501481"), badVerifier.getCause().getMessage());
    }

    @Test
    void missingConsentIs65001AndIdleRefreshTokenIs700082() throws Exception {
        RegisteredApp admin = tenant.apps().register(new Registration(null, "admin-consent", Set.of(),
                Set.of("User.Read.All"), List.of("http://localhost/callback"), List.of(Duration.ofDays(30)), List.of()));
        ConfidentialClientApplication app = SimClients.msalDelegated(sim, tenant.id(), admin.clientId(), admin.secret());
        Set<String> notConsented = Set.of("https://graph.microsoft.com/Mail.Send");
        URI url = app.getAuthorizationRequestUrl(AuthorizationRequestUrlParameters.builder("http://localhost/callback", notConsented)
                .state("xyz").build()).toURI();
        String code = signIn(url);
        CompletionException e = assertThrows(CompletionException.class, () -> app.acquireToken(AuthorizationCodeParameters
                .builder(code, URI.create("http://localhost/callback")).scopes(notConsented).build()).join());
        MsalServiceException m = (MsalServiceException) e.getCause();
        assertEquals("invalid_grant", m.errorCode());
        assertTrue(m.getMessage().startsWith("AADSTS65001:"), m.getMessage());

        Set<String> ok = Set.of("https://graph.microsoft.com/User.Read.All");
        String code2 = signIn(app.getAuthorizationRequestUrl(AuthorizationRequestUrlParameters.builder("http://localhost/callback", ok).state("xyz").build()).toURI());
        IAuthenticationResult r = app.acquireToken(AuthorizationCodeParameters.builder(code2, URI.create("http://localhost/callback")).scopes(ok).build()).join();
        sim.grants().expireRefreshTokens(tenant.id());
        CompletionException idle = assertThrows(CompletionException.class,
                () -> app.acquireTokenSilently(SilentParameters.builder(ok, r.account()).authorityUrl(sim.authorityUrlLocalhost(tenant.id())).forceRefresh(true).build()).join());
        assertTrue(idle.getCause().getMessage().contains("AADSTS700082"), idle.getCause().getMessage());
    }

    @Test
    void discoveryDocumentAndJwksVerifyTheTokenSignature() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(sim.clientSslContext()).build();
        JsonNode config = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/" + tenant.id()
                + "/v2.0/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(sim.tokenUrl(tenant.id()), config.get("token_endpoint").asText());
        JsonNode jwks = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(config.get("jwks_uri").asText())).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode key = jwks.get("keys").get(0);
        var publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.get("e").asText()))));
        String token = SimClients.appToken(SimClients.msal(sim, tenant.id(), reader.clientId(), reader.secret())).accessToken();
        String[] parts = token.split("\\.");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(Base64.getUrlDecoder().decode(parts[2])));
    }
}
