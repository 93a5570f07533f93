package io.m365platform.graph.token.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalErrors;
import com.microsoft.aad.msal4j.MsalJsonParsingException;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TokenFailureClassifierTest {

    private final TokenFailureClassifier classifier =
            new TokenFailureClassifier(Clock.fixed(Instant.parse("2025-01-01T10:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest(name = "AADSTS{1} ({0}, HTTP {2}) → {3}")
    @CsvSource({
            "invalid_client, 7000215, 401, INVALID_SECRET",
            "invalid_client, 7000222, 401, EXPIRED_SECRET",
            "invalid_tenant, 90002, 400, UNKNOWN_TENANT",
            "invalid_request, 90002, 400, UNKNOWN_TENANT",
            "unauthorized_client, 700016, 400, APP_NOT_IN_TENANT",
            "invalid_grant, 65001, 400, CONSENT_MISSING",
            "invalid_grant, 700082, 400, REFRESH_TOKEN_EXPIRED",
            "invalid_client, 7000218, 401, MISCONFIGURATION",
            "invalid_request, 900144, 400, MISCONFIGURATION",
            "invalid_scope, 70011, 400, MISCONFIGURATION",
            "invalid_grant, 50076, 400, SIGN_IN_REQUIRED",
            "invalid_grant, 70008, 400, SIGN_IN_REQUIRED",
            "server_error, 90033, 503, TRANSIENT",
            "temporarily_unavailable, 50196, 429, THROTTLED",
            "invalid_request, 12345, 400, UNKNOWN"
    })
    void classifiesByAadstsCodeAndStatus(String error, int code, int status, TokenFailureCategory expected) {
        MsalServiceException msal = MsalErrors.fromResponse(status, Map.of(), MsalErrors.aadBody(error, code, "Some text that may change."));
        TokenException e = classifier.classify(new CompletionException(msal), "client c1 in tenant t1");

        assertEquals(expected, e.category());
        assertEquals(code, e.aadstsCode().orElseThrow());
        // msal4j drops the status of invalid_grant answers (MsalInteractionRequiredException): absent, never wrong
        assertEquals(status, e.httpStatus().orElse(status));
        assertEquals(!"invalid_grant".equals(error), e.httpStatus().isPresent());
        assertEquals(error, e.oauthError().orElseThrow());
        assertEquals(expected.retryable(), e.retryable());
        assertEquals(expected.retryable(), e instanceof TransientTokenException);
        assertTrue(e.getMessage().contains("AADSTS" + code), e.getMessage());
        assertTrue(e.getMessage().contains("client c1 in tenant t1"));
        assertFalse(e.operatorFix().isBlank());
    }

    @Test
    void codeDecidesNotProse() {
        // Same prose as an expired secret, but the code says invalid secret: the code wins.
        MsalServiceException msal = MsalErrors.fromResponse(401, Map.of(),
                MsalErrors.aadBody("invalid_client", 7000215, "The provided client secret keys for app are expired."));
        assertEquals(TokenFailureCategory.INVALID_SECRET, classifier.classify(msal, "x").category());
    }

    @Test
    void invalidSecretFixTellsOperatorToRotate() {
        MsalServiceException msal = MsalErrors.fromResponse(401, Map.of(),
                MsalErrors.aadBody("invalid_client", 7000215, "Invalid client secret provided."));
        TokenException e = classifier.classify(msal, "x");
        assertInstanceOf(PermanentTokenException.class, e);
        assertTrue(e.operatorFix().startsWith("Create a new client secret in the app registration and rotate"));
    }

    @Test
    void throttledHonoursRetryAfter() {
        MsalServiceException msal = MsalErrors.fromResponse(429, Map.of("Retry-After", List.of("7")),
                "{\"error\":\"temporarily_unavailable\",\"error_description\":\"slow down\"}");
        TokenException e = classifier.classify(msal, "x");
        assertEquals(TokenFailureCategory.THROTTLED, e.category());
        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
        assertTrue(e.aadstsCode().isEmpty());
    }

    @Test
    void serverErrorWithoutJsonIsTransient() {
        MsalJsonParsingException html = assertThrows(MsalJsonParsingException.class,
                () -> MsalErrors.fromResponse(502, Map.of(), "<html>bad gateway</html>"));
        TokenException e = classifier.classify(new CompletionException(html), "x");
        assertEquals(TokenFailureCategory.TRANSIENT, e.category());
        assertTrue(e.retryable());
    }

    @Test
    void emptyServerErrorIsTransientWithStatus() {
        MsalServiceException empty = MsalErrors.fromResponse(503, Map.of(), "");
        TokenException e = classifier.classify(empty, "x");
        assertEquals(TokenFailureCategory.TRANSIENT, e.category());
        assertEquals(503, e.httpStatus().orElseThrow());
        TokenException emptyBadRequest = classifier.classify(MsalErrors.fromResponse(400, Map.of(), ""), "x");
        assertEquals(TokenFailureCategory.UNKNOWN, emptyBadRequest.category());
    }

    @Test
    void networkFailuresAreTransient() {
        TokenException timeout = classifier.classify(
                new CompletionException(new MsalClientException(new SocketTimeoutException("Read timed out"))), "x");
        assertEquals(TokenFailureCategory.TRANSIENT, timeout.category());
        assertTrue(timeout.httpStatus().isEmpty());

        TokenException refused = classifier.classify(new MsalClientException(new ConnectException("Connection refused")), "x");
        assertEquals(TokenFailureCategory.TRANSIENT, refused.category());
    }

    @Test
    void untrustedCertificateIsMisconfiguration() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new CertificateException("unable to find valid certification path"));
        TokenException e = classifier.classify(new CompletionException(new MsalClientException(handshake)), "x");
        assertEquals(TokenFailureCategory.MISCONFIGURATION, e.category());
        assertFalse(e.retryable());
    }

    @Test
    void cacheMissMeansSignInAgain() {
        TokenException e = classifier.classify(new MsalClientException("Token not found in the cache", "cache_miss"), "x");
        assertEquals(TokenFailureCategory.SIGN_IN_REQUIRED, e.category());
    }

    @Test
    void alreadyClassifiedPassesThrough() {
        TokenException original = new PermanentTokenException(TokenFailureCategory.UNKNOWN_TENANT, 90002, 400, "invalid_tenant", "m", null);
        assertSame(original, classifier.classify(new CompletionException(original), "x"));
    }

    @Test
    void extractsPrefixOnly() {
        assertEquals(7000222, TokenFailureClassifier.aadstsCode("AADSTS7000222: The provided client secret keys are expired."));
        assertEquals(90002, TokenFailureClassifier.aadstsCode("  AADSTS90002: Tenant 'x' not found."));
        assertNull(TokenFailureClassifier.aadstsCode("Tenant not found, see AADSTS90002"));
        assertNull(TokenFailureClassifier.aadstsCode(null));
    }
}
