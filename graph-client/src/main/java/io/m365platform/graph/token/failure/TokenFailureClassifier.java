package io.m365platform.graph.token.failure;

import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalJsonParsingException;
import com.microsoft.aad.msal4j.MsalServiceException;
import io.m365platform.graph.retry.RetryAfter;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns whatever msal4j threw into a {@link TokenException}. The decision rests on the AADSTS code
 * (the {@code AADSTSnnnn:} prefix msal4j keeps as the exception message, i.e. {@code error_description})
 * and the HTTP status, never on message prose, which Microsoft rewords.
 */
public final class TokenFailureClassifier {

    private static final Pattern AADSTS_PREFIX = Pattern.compile("^\\s*AADSTS(\\d{1,9})\\b");

    private static final Pattern MSAL_EMPTY_BODY_STATUS = Pattern.compile("status code (\\d{3}) with no response body");

    private static final Map<Integer, TokenFailureCategory> BY_CODE = Map.ofEntries(
            Map.entry(7000215, TokenFailureCategory.INVALID_SECRET),
            Map.entry(7000222, TokenFailureCategory.EXPIRED_SECRET),
            Map.entry(90002, TokenFailureCategory.UNKNOWN_TENANT),
            Map.entry(700016, TokenFailureCategory.APP_NOT_IN_TENANT),
            Map.entry(65001, TokenFailureCategory.CONSENT_MISSING),
            Map.entry(90094, TokenFailureCategory.CONSENT_MISSING),       // admin consent required
            Map.entry(90008, TokenFailureCategory.CONSENT_MISSING),       // app requires consent
            Map.entry(700082, TokenFailureCategory.REFRESH_TOKEN_EXPIRED),
            Map.entry(50076, TokenFailureCategory.SIGN_IN_REQUIRED),      // MFA required
            Map.entry(50079, TokenFailureCategory.SIGN_IN_REQUIRED),      // MFA registration required
            Map.entry(50173, TokenFailureCategory.SIGN_IN_REQUIRED),      // grant revoked (password change)
            Map.entry(700084, TokenFailureCategory.SIGN_IN_REQUIRED),     // refresh token of a SPA expired
            Map.entry(70008, TokenFailureCategory.SIGN_IN_REQUIRED),      // authorization code expired
            Map.entry(54005, TokenFailureCategory.SIGN_IN_REQUIRED),      // authorization code already redeemed
            Map.entry(70000, TokenFailureCategory.SIGN_IN_REQUIRED),      // grant invalid or malformed
            Map.entry(50057, TokenFailureCategory.SIGN_IN_REQUIRED),      // user account disabled
            Map.entry(50055, TokenFailureCategory.SIGN_IN_REQUIRED),      // password expired
            Map.entry(50133, TokenFailureCategory.SIGN_IN_REQUIRED),      // session invalid after password change
            Map.entry(53003, TokenFailureCategory.SIGN_IN_REQUIRED),      // blocked by conditional access
            Map.entry(9002313, TokenFailureCategory.SIGN_IN_REQUIRED),    // code or refresh token malformed/unknown
            Map.entry(501481, TokenFailureCategory.SIGN_IN_REQUIRED),     // PKCE code_verifier mismatch
            Map.entry(7000218, TokenFailureCategory.MISCONFIGURATION),    // no client_secret / client_assertion
            Map.entry(900144, TokenFailureCategory.MISCONFIGURATION),     // required parameter missing
            Map.entry(70011, TokenFailureCategory.MISCONFIGURATION),      // invalid scope
            Map.entry(9001023, TokenFailureCategory.MISCONFIGURATION),    // grant not supported on /common
            Map.entry(50011, TokenFailureCategory.MISCONFIGURATION),      // redirect URI mismatch
            Map.entry(500113, TokenFailureCategory.MISCONFIGURATION),     // no reply address registered
            Map.entry(90014, TokenFailureCategory.MISCONFIGURATION),      // required field missing
            Map.entry(700054, TokenFailureCategory.MISCONFIGURATION),     // response_type not enabled
            Map.entry(900023, TokenFailureCategory.MISCONFIGURATION));    // tenant identifier malformed

    private final Clock clock;

    public TokenFailureClassifier(Clock clock) {
        this.clock = clock;
    }

    public TokenFailureClassifier() {
        this(Clock.systemUTC());
    }

    /** The AADSTS number at the start of an {@code error_description}, or null. */
    public static Integer aadstsCode(String errorDescription) {
        if (errorDescription == null) {
            return null;
        }
        Matcher m = AADSTS_PREFIX.matcher(errorDescription);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** Category for an AADSTS code alone (null when the code isn't one we know). */
    public static TokenFailureCategory categoryOf(int aadstsCode) {
        return BY_CODE.get(aadstsCode);
    }

    /**
     * Classifies {@code failure}; {@code context} (e.g. "client 1234… in tenant contoso.com") goes into
     * the message. Already classified exceptions are returned as they are.
     */
    public TokenException classify(Throwable failure, String context) {
        Throwable t = unwrap(failure);
        if (t instanceof TokenException te) {
            return te;
        }
        if (t instanceof MsalJsonParsingException) {
            // A gateway's HTML page or a cut-off answer instead of the identity platform's JSON.
            return new TransientTokenException(TokenFailureCategory.TRANSIENT, null, null, null, null,
                    "Token request for " + context + " failed: the login endpoint's answer is not JSON", t);
        }
        if (t instanceof MsalServiceException mse) {
            return fromService(mse, context);
        }
        if (t instanceof MsalClientException mce && "cache_miss".equals(mce.errorCode())) {
            return new PermanentTokenException(TokenFailureCategory.SIGN_IN_REQUIRED, null, null, null,
                    "Token request for " + context + " failed: no usable token or refresh token in the token cache", t);
        }
        if (t instanceof MsalClientException mce && "http_timeout".equals(mce.errorCode())) {
            return new TransientTokenException(TokenFailureCategory.TRANSIENT, null, null, null, null,
                    "Token request for " + context + " failed: the login endpoint timed out", t);
        }
        if (hasCause(t, CertificateException.class) || hasCause(t, javax.net.ssl.SSLPeerUnverifiedException.class)) {
            return new PermanentTokenException(TokenFailureCategory.MISCONFIGURATION, null, null, null,
                    "Token request for " + context + " failed: the login endpoint's TLS certificate is not trusted "
                            + "(check the configured trust material)", t);
        }
        if (hasCause(t, IOException.class) || hasCause(t, TimeoutException.class)) {
            Throwable io = firstCause(t, IOException.class, TimeoutException.class);
            return new TransientTokenException(TokenFailureCategory.TRANSIENT, null, null, null, null,
                    "Token request for " + context + " failed: network error " + io.getClass().getSimpleName()
                            + (io.getMessage() == null ? "" : " (" + io.getMessage() + ")"), t);
        }
        return new PermanentTokenException(TokenFailureCategory.UNKNOWN, null, null, null,
                "Token request for " + context + " failed: " + t.getClass().getSimpleName()
                        + (t.getMessage() == null ? "" : " (" + firstLine(t.getMessage()) + ")"), t);
    }

    private TokenException fromService(MsalServiceException e, String context) {
        Integer code = aadstsCode(e.getMessage());
        Integer status = e.statusCode();
        if (status == null && "unknown".equals(e.errorCode()) && e.getMessage() != null) {
            // msal4j's own template for an answer without body: "...returned status code 503 with no response body".
            Matcher m = MSAL_EMPTY_BODY_STATUS.matcher(e.getMessage());
            status = m.find() ? Integer.valueOf(m.group(1)) : null;
        }
        String error = e.errorCode();
        TokenFailureCategory category = code == null ? null : BY_CODE.get(code);
        if (category == null) {
            if (status != null && status == 429) {
                category = TokenFailureCategory.THROTTLED;
            } else if (status != null && status >= 500) {
                category = TokenFailureCategory.TRANSIENT;
            } else {
                category = TokenFailureCategory.UNKNOWN;
            }
        }
        String message = "Token request for " + context + " failed: " + category
                + (code == null ? "" : " (AADSTS" + code + ")")
                + (status == null ? "" : ", HTTP " + status)
                + (error == null ? "" : ", error " + error)
                + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
        if (category.retryable()) {
            Duration retryAfter = header(e.headers(), "Retry-After")
                    .flatMap(h -> RetryAfter.parse(h, clock)).orElse(null);
            return new TransientTokenException(category, code, status, error, retryAfter, message, e);
        }
        return new PermanentTokenException(category, code, status, error, message, e);
    }

    private static java.util.Optional<String> header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return java.util.Optional.empty();
        }
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase(name) && h.getValue() != null && !h.getValue().isEmpty()) {
                return java.util.Optional.ofNullable(h.getValue().getFirst());
            }
        }
        return java.util.Optional.empty();
    }

    /** Peels CompletionException/ExecutionException layers that msal4j's futures add. */
    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        // msal4j sometimes wraps a service exception in a client exception: prefer the service answer.
        Throwable service = firstCause(current, MsalServiceException.class);
        return service != null ? service : current;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        return firstCause(t, type) != null;
    }

    @SafeVarargs
    private static Throwable firstCause(Throwable t, Class<? extends Throwable>... types) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(c)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        int cr = s.indexOf('\r');
        int end = nl < 0 ? cr : (cr < 0 ? nl : Math.min(nl, cr));
        return end < 0 ? s : s.substring(0, end);
    }
}
