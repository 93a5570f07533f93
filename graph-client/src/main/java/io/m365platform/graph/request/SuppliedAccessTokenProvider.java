package io.m365platform.graph.request;

import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import io.m365platform.graph.token.AccessToken;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Kiota's hook for bearer tokens, fed by any {@code Supplier<AccessToken>} (msal4j directly, or the
 * connection-service token broker through a {@link io.m365platform.graph.token.CachedTokenSupplier}).
 * Only the configured Graph host gets the token: any other host (a foreign nextLink, a report download
 * URL after a redirect) gets no Authorization header.
 */
public final class SuppliedAccessTokenProvider implements AccessTokenProvider {

    private final Supplier<AccessToken> tokens;
    private final AllowedHostsValidator allowedHosts;

    public SuppliedAccessTokenProvider(Supplier<AccessToken> tokens, String graphHost) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        if (graphHost == null || graphHost.isBlank()) {
            throw new IllegalArgumentException("graph host is required: an empty allow list would send the token anywhere");
        }
        this.allowedHosts = new AllowedHostsValidator(graphHost);
    }

    @Override
    public String getAuthorizationToken(URI uri, Map<String, Object> additionalAuthenticationContext) {
        if (uri == null || !allowedHosts.isUrlHostValid(uri)) {
            return "";
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("refusing to send a Graph token over " + uri.getScheme());
        }
        return tokens.get().token();
    }

    @Override
    public AllowedHostsValidator getAllowedHostsValidator() {
        return allowedHosts;
    }
}
