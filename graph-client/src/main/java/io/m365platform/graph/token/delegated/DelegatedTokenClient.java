package io.m365platform.graph.token.delegated;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.AuthorizationRequestUrlParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ResponseMode;
import com.microsoft.aad.msal4j.SilentParameters;
import io.m365platform.graph.config.TenantId;
import io.m365platform.graph.token.AccessToken;
import io.m365platform.graph.token.AppCredentials;
import io.m365platform.graph.token.AuthResults;
import io.m365platform.graph.token.GraphScopes;
import io.m365platform.graph.token.MsalApplications;
import io.m365platform.graph.token.TokenCall;
import io.m365platform.graph.token.TokenKind;
import io.m365platform.graph.token.TokenRetryPolicy;
import io.m365platform.graph.token.failure.PermanentTokenException;
import io.m365platform.graph.token.failure.TokenException;
import io.m365platform.graph.token.failure.TokenFailureCategory;
import io.m365platform.graph.token.failure.TokenFailureClassifier;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Set;

/**
 * The admin-user method: authorization code with PKCE, then silent acquisition from the connection's
 * persisted msal4j cache (which holds the refresh token). Every call uses a fresh msal4j application
 * bound to the tenant and loaded with that one connection's blob, so connections never share a cache.
 *
 * <pre>
 * AuthorizationRequest req = client.startAuthorization(creds, tenant, redirectUri, scopes, null);
 * // store req server-side, redirect the browser to req.authorizationUrl()
 * DelegatedGrant g = client.redeem(creds, req, code, state);      // on the POST to the redirect URI (form_post)
 * store(encrypt(g.cache().serialized())), g.user().homeAccountId()
 * DelegatedGrant later = client.acquireSilently(creds, tenant, TokenCacheBlob.of(decrypt(..)), homeAccountId, scopes);
 * if (later.cacheChanged()) store(encrypt(later.cache().serialized()))
 * </pre>
 */
public final class DelegatedTokenClient {

    private final MsalApplications applications;
    private final TokenCall call;

    public DelegatedTokenClient(MsalApplications applications, TokenRetryPolicy retryPolicy) {
        this.applications = applications;
        this.call = new TokenCall(retryPolicy, new TokenFailureClassifier());
    }

    public DelegatedTokenClient(MsalApplications applications) {
        this(applications, TokenRetryPolicy.defaults());
    }

    /**
     * Builds the authorization URL (with {@code state}, S256 PKCE challenge, {@code response_mode=form_post}: the
     * identity platform answers the browser with a form that POSTs {@code code} and {@code state} to the redirect URI).
     *
     * @param scopes    delegated scopes, e.g. {@link GraphScopes#DELEGATED_DEFAULT}
     * @param loginHint optional UPN to pre-fill, or null
     */
    public AuthorizationRequest startAuthorization(AppCredentials credentials, TenantId tenant, URI redirectUri,
                                                   Set<String> scopes, String loginHint) {
        Objects.requireNonNull(redirectUri, "redirectUri");
        requireScopes(scopes);
        Pkce pkce = Pkce.generate();
        String state = Pkce.randomState();
        AuthorizationRequestUrlParameters.Builder parameters = AuthorizationRequestUrlParameters
                .builder(redirectUri.toString(), scopes)
                .state(state)
                .codeChallenge(pkce.challenge())
                .codeChallengeMethod(Pkce.METHOD)
                // msal4j 1.26 forces form_post (QUERY is deprecated: codes in URLs leak into logs and referrers),
                // so the callback receives a POST with form fields code and state.
                .responseMode(ResponseMode.FORM_POST);
        if (loginHint != null && !loginHint.isBlank()) {
            parameters.loginHint(loginHint);
        }
        ConfidentialClientApplication app = applications.forTenant(credentials, tenant, null);
        try {
            URI url = app.getAuthorizationRequestUrl(parameters.build()).toURI();
            return new AuthorizationRequest(url, tenant, credentials.clientId(), redirectUri, scopes, state,
                    pkce.verifier());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("msal4j built an invalid authorization URL", e);
        }
    }

    /**
     * Redeems the code of the redirect. Checks {@code returnedState} against the request first.
     *
     * @throws IllegalArgumentException when the state doesn't match (forged or mixed-up redirect)
     * @throws TokenException           classified failure (e.g. {@code CONSENT_MISSING}, {@code SIGN_IN_REQUIRED})
     */
    public DelegatedGrant redeem(AppCredentials credentials, AuthorizationRequest request, String code,
                                 String returnedState) {
        if (!request.stateMatches(returnedState)) {
            throw new IllegalArgumentException("state of the sign-in redirect does not match the started sign-in");
        }
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("authorization code is missing from the redirect");
        }
        if (!credentials.clientId().equals(request.clientId())) {
            throw new IllegalArgumentException("credentials are for another client id than the started sign-in");
        }
        BlobCacheAspect cache = new BlobCacheAspect(null);
        ConfidentialClientApplication app = applications.forTenant(credentials, request.tenant(), cache);
        AuthorizationCodeParameters parameters = AuthorizationCodeParameters.builder(code, request.redirectUri())
                .scopes(request.scopes())
                .codeVerifier(request.codeVerifier())
                .build();
        IAuthenticationResult result = call.run(context(credentials, request.tenant()),
                () -> app.acquireToken(parameters).join());
        return grant(result, request.tenant(), cache);
    }

    /**
     * A token from the stored cache: the cached access token while valid, else refreshed with the
     * cached refresh token (the returned cache then changed and must be stored again).
     *
     * @param homeAccountId from {@link SignedInUser#homeAccountId()}; null = the cache's only account
     * @param forceRefresh  true to skip the cached access token (e.g. to re-read permissions)
     * @throws TokenException e.g. {@code REFRESH_TOKEN_EXPIRED} (AADSTS700082) → the admin must sign in again
     */
    public DelegatedGrant acquireSilently(AppCredentials credentials, TenantId tenant, TokenCacheBlob blob,
                                          String homeAccountId, Set<String> scopes, boolean forceRefresh) {
        Objects.requireNonNull(blob, "blob");
        requireScopes(scopes);
        BlobCacheAspect cache = new BlobCacheAspect(blob);
        ConfidentialClientApplication app = applications.forTenant(credentials, tenant, cache);
        String context = context(credentials, tenant);
        IAccount account = findAccount(app, homeAccountId, context);
        IAuthenticationResult result = call.run(context, () -> {
            try {
                // authorityUrl: without it msal4j rebuilds the refresh authority by replacing the host
                // ("127.0.0.1:PORT") with the account's environment ("127.0.0.1"), losing the port.
                return app.acquireTokenSilently(SilentParameters.builder(scopes, account)
                        .authorityUrl(applications.endpoints().authorityFor(tenant.value()))
                        .forceRefresh(forceRefresh)
                        .build()).join();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        });
        return grant(result, tenant, cache);
    }

    public DelegatedGrant acquireSilently(AppCredentials credentials, TenantId tenant, TokenCacheBlob blob,
                                          String homeAccountId, Set<String> scopes) {
        return acquireSilently(credentials, tenant, blob, homeAccountId, scopes, false);
    }

    private static IAccount findAccount(ConfidentialClientApplication app, String homeAccountId, String context) {
        Set<IAccount> accounts = app.getAccounts().join();
        IAccount match = null;
        for (IAccount a : accounts) {
            if (homeAccountId == null ? accounts.size() == 1 : homeAccountId.equals(a.homeAccountId())) {
                match = a;
            }
        }
        if (match == null) {
            throw new PermanentTokenException(TokenFailureCategory.SIGN_IN_REQUIRED, null, null, null,
                    "Token request for " + context + " failed: the stored token cache holds no "
                            + (homeAccountId == null ? "single account" : "account " + homeAccountId), null);
        }
        return match;
    }

    private static DelegatedGrant grant(IAuthenticationResult result, TenantId tenant, BlobCacheAspect cache) {
        AccessToken token = AuthResults.toAccessToken(result, TokenKind.DELEGATED, tenant.value());
        IAccount account = result.account();
        SignedInUser user = new SignedInUser(account == null ? null : account.homeAccountId(),
                account == null ? null : account.username());
        TokenCacheBlob blob = cache.blob();
        if (blob == null) {
            throw new IllegalStateException("msal4j did not write a token cache for the delegated grant");
        }
        return new DelegatedGrant(token, blob, cache.changed(), user);
    }

    private static void requireScopes(Set<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("at least one delegated scope is required");
        }
    }

    private static String context(AppCredentials credentials, TenantId tenant) {
        return "client " + credentials.clientId() + " in tenant " + tenant.value() + " (admin user)";
    }
}
