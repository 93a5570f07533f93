package io.m365platform.graph.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365platform.graph.config.TenantId;
import io.m365platform.graph.testsupport.SimulatorFixture;
import io.m365platform.graph.token.AppCredentials;
import io.m365platform.graph.token.GraphScopes;
import io.m365platform.graph.token.MsalApplications;
import io.m365platform.graph.token.TokenKind;
import io.m365platform.graph.token.TokenRetryPolicy;
import io.m365platform.graph.token.delegated.AuthorizationRequest;
import io.m365platform.graph.token.delegated.DelegatedGrant;
import io.m365platform.graph.token.delegated.DelegatedTokenClient;
import io.m365platform.graph.token.delegated.TokenCacheBlob;
import io.m365platform.graph.token.failure.TokenException;
import io.m365platform.graph.token.failure.TokenFailureCategory;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.AppOperations.RegisteredApp;
import io.m365platform.graphsim.tenant.Tenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin-user method: authorize (PKCE) → code → redeem → silent refresh from a persisted cache blob. */
class DelegatedFlowSimulatorTest {

    private static final Set<String> DELEGATED = Set.of("User.Read.All", "Directory.Read.All", "User.ReadWrite.All");

    private static GraphSimulator sim;
    private static Tenant tenant;
    private static RegisteredApp app;
    private static DelegatedTokenClient client;
    private static HttpClient browser;

    @BeforeAll
    static void setUp() {
        sim = SimulatorFixture.simulator();
        tenant = SimulatorFixture.newTenant(20);
        app = SimulatorFixture.registerApp(tenant, Set.of(), DELEGATED);
        client = new DelegatedTokenClient(new MsalApplications(SimulatorFixture.endpoints()), TokenRetryPolicy.noRetry());
        // Plays the admin's browser: follows nothing, so the redirect to our callback can be read.
        browser = HttpClient.newBuilder().sslContext(sim.clientSslContext()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private AppCredentials credentials() {
        return new AppCredentials(app.clientId(), app.secret());
    }

    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"POST\" action=\"([^\"]*)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"");

    /**
     * What the browser POSTs to our callback: msal4j asks for response_mode=form_post, so the authorize
     * endpoint answers with an auto-submitting form carrying code and state.
     */
    private static Map<String, String> signIn(AuthorizationRequest request) throws Exception {
        HttpResponse<String> res = browser.send(HttpRequest.newBuilder(request.authorizationUrl()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), res.body());
        Matcher action = FORM_ACTION.matcher(res.body());
        assertTrue(action.find(), res.body());
        assertEquals(SimulatorFixture.REDIRECT_URI, unescape(action.group(1)));
        Map<String, String> fields = new HashMap<>();
        Matcher m = HIDDEN.matcher(res.body());
        while (m.find()) {
            fields.put(unescape(m.group(1)), unescape(m.group(2)));
        }
        return fields;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private AuthorizationRequest start(Set<String> scopes) {
        return client.startAuthorization(credentials(), TenantId.of(tenant.id()), URI.create(SimulatorFixture.REDIRECT_URI),
                scopes, null);
    }

    @Test
    void authorizeRedeemAndRefreshSilentlyFromStoredBlob() throws Exception {
        AuthorizationRequest request = start(GraphScopes.DELEGATED_DEFAULT);
        String url = request.authorizationUrl().toString();
        assertTrue(url.startsWith(sim.baseUrl() + "/" + tenant.id() + "/oauth2/v2.0/authorize?"), url);
        assertTrue(url.contains("code_challenge_method=S256"), url);
        assertTrue(url.contains("response_mode=form_post"), url);
        assertTrue(url.contains("state=" + request.state()), url);
        assertFalse(url.contains(request.codeVerifier()), "the verifier never leaves the server");

        Map<String, String> callback = signIn(request);
        DelegatedGrant grant = client.redeem(credentials(), request, callback.get("code"), callback.get("state"));

        User admin = tenant.users().get(tenant.adminUserId());
        assertEquals(TokenKind.DELEGATED, grant.accessToken().kind());
        assertEquals(DELEGATED, grant.accessToken().permissions());
        assertEquals(tenant.id(), grant.accessToken().tenantId());
        assertEquals(admin.userPrincipalName(), grant.user().username());
        assertTrue(grant.user().homeAccountId().startsWith(admin.id()), grant.user().homeAccountId());
        assertTrue(grant.cacheChanged());
        assertTrue(grant.cache().serialized().contains("RefreshToken"), "the refresh token lives in the blob");
        assertFalse(grant.cache().toString().contains("RefreshToken"));

        // Stored (encrypted by the caller), read back later in another application instance:
        TokenCacheBlob stored = TokenCacheBlob.ofBytes(grant.cache().toBytes());
        long before = SimulatorFixture.tokenRequests(tenant.id());
        DelegatedGrant cached = client.acquireSilently(credentials(), TenantId.of(tenant.id()), stored,
                grant.user().homeAccountId(), GraphScopes.DELEGATED_DEFAULT);
        assertEquals(before, SimulatorFixture.tokenRequests(tenant.id()), "valid access token served from the blob");
        assertTrue(cached.accessToken().fromCache());
        assertEquals(grant.accessToken().token(), cached.accessToken().token());
        assertFalse(cached.cacheChanged());

        DelegatedGrant refreshed = client.acquireSilently(credentials(), TenantId.of(tenant.id()), stored,
                grant.user().homeAccountId(), GraphScopes.DELEGATED_DEFAULT, true);
        assertEquals(before + 1, SimulatorFixture.tokenRequests(tenant.id()), "refresh token redeemed once");
        assertFalse(refreshed.accessToken().fromCache());
        assertNotEquals(grant.accessToken().token(), refreshed.accessToken().token());
        assertEquals(DELEGATED, refreshed.accessToken().permissions());
        assertTrue(refreshed.cacheChanged(), "new tokens: the caller must store the new blob");
        assertNotEquals(stored, refreshed.cache());
    }

    @Test
    void forgedStateIsRejectedBeforeAnyTokenRequest() throws Exception {
        AuthorizationRequest request = start(GraphScopes.DELEGATED_DEFAULT);
        Map<String, String> callback = signIn(request);
        long before = SimulatorFixture.tokenRequests(tenant.id());
        assertThrows(IllegalArgumentException.class,
                () -> client.redeem(credentials(), request, callback.get("code"), "forged-state"));
        assertEquals(before, SimulatorFixture.tokenRequests(tenant.id()));
    }

    @Test
    void unconsentedScopeIsConsentMissing65001() throws Exception {
        AuthorizationRequest request = start(Set.of(GraphScopes.delegated("Mail.Send")));
        Map<String, String> callback = signIn(request);
        TokenException e = assertThrows(TokenException.class,
                () -> client.redeem(credentials(), request, callback.get("code"), callback.get("state")));
        assertEquals(TokenFailureCategory.CONSENT_MISSING, e.category());
        assertEquals(65001, e.aadstsCode().orElseThrow());
        assertFalse(e.retryable());
    }

    @Test
    void codeRedeemedTwiceNeedsNewSignIn() throws Exception {
        AuthorizationRequest request = start(GraphScopes.DELEGATED_DEFAULT);
        Map<String, String> callback = signIn(request);
        client.redeem(credentials(), request, callback.get("code"), callback.get("state"));
        TokenException e = assertThrows(TokenException.class,
                () -> client.redeem(credentials(), request, callback.get("code"), callback.get("state")));
        assertEquals(TokenFailureCategory.SIGN_IN_REQUIRED, e.category());
        assertEquals(54005, e.aadstsCode().orElseThrow());
    }

    @Test
    void expiredRefreshTokenIs700082() throws Exception {
        Tenant own = SimulatorFixture.newTenant(5);
        RegisteredApp ownApp = SimulatorFixture.registerApp(own, Set.of(), Set.of("User.Read.All"));
        AppCredentials creds = new AppCredentials(ownApp.clientId(), ownApp.secret());
        AuthorizationRequest request = client.startAuthorization(creds, TenantId.of(own.id()),
                URI.create(SimulatorFixture.REDIRECT_URI), GraphScopes.DELEGATED_DEFAULT, null);
        Map<String, String> callback = signIn(request);
        DelegatedGrant grant = client.redeem(creds, request, callback.get("code"), callback.get("state"));

        sim.grants().expireRefreshTokens(own.id());   // unused for longer than the inactivity limit

        TokenException e = assertThrows(TokenException.class, () -> client.acquireSilently(creds, TenantId.of(own.id()),
                grant.cache(), grant.user().homeAccountId(), GraphScopes.DELEGATED_DEFAULT, true));
        assertEquals(TokenFailureCategory.REFRESH_TOKEN_EXPIRED, e.category());
        assertEquals(700082, e.aadstsCode().orElseThrow());
        assertTrue(e.operatorFix().contains("signing in as the admin user again"));
    }

    @Test
    void blobOfAnotherAccountIsSignInRequired() throws Exception {
        AuthorizationRequest request = start(GraphScopes.DELEGATED_DEFAULT);
        Map<String, String> callback = signIn(request);
        DelegatedGrant grant = client.redeem(credentials(), request, callback.get("code"), callback.get("state"));
        TokenException e = assertThrows(TokenException.class, () -> client.acquireSilently(credentials(),
                TenantId.of(tenant.id()), grant.cache(), "someone-else.home", GraphScopes.DELEGATED_DEFAULT));
        assertEquals(TokenFailureCategory.SIGN_IN_REQUIRED, e.category());
    }
}
