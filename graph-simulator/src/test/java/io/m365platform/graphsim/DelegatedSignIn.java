package io.m365platform.graphsim;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.AuthorizationRequestUrlParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ResponseMode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The delegated "admin user" sign-in with msal4j: authorization URL with PKCE, the simulator's authorize endpoint
 * signs the user in without a browser (login_hint picks who), then msal4j redeems the code (test helper).
 */
public final class DelegatedSignIn {
    public static final String REDIRECT_URI = "http://localhost/callback";

    private DelegatedSignIn() {
    }

    public static IAuthenticationResult signIn(GraphSimulator sim, ConfidentialClientApplication app, Set<String> scopes, String loginHint) {
        try {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            URI url = app.getAuthorizationRequestUrl(AuthorizationRequestUrlParameters.builder(REDIRECT_URI, scopes)
                    .responseMode(ResponseMode.QUERY).loginHint(loginHint).state("s")
                    .codeChallenge(challenge).codeChallengeMethod("S256").build()).toURI();
            HttpClient http = HttpClient.newBuilder().sslContext(sim.clientSslContext()).followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
            String code;
            if (r.statusCode() == 200) { // response_mode=form_post: the auto-submitting form carries the code
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"code\" value=\"([^\"]+)\"").matcher(r.body());
                if (!m.find()) {
                    throw new AssertionError("No code in the authorize form: " + r.body());
                }
                code = m.group(1);
            } else if (r.statusCode() == 302) {
                Map<String, String> q = io.m365platform.graphsim.http.SimRequest.parseQuery(
                        URI.create(r.headers().firstValue("Location").orElseThrow()).getRawQuery());
                code = q.get("code");
            } else {
                throw new AssertionError("authorize answered " + r.statusCode() + ": " + r.body());
            }
            return app.acquireToken(AuthorizationCodeParameters.builder(code, URI.create(REDIRECT_URI))
                    .scopes(scopes).codeVerifier(verifier).build()).join();
        } catch (Exception e) {
            throw new IllegalStateException("Delegated sign-in failed", e);
        }
    }
}
