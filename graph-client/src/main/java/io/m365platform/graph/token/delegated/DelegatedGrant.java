package io.m365platform.graph.token.delegated;

import io.m365platform.graph.token.AccessToken;

/**
 * Result of a delegated token request.
 *
 * @param accessToken  the Graph token ({@code scp} permissions)
 * @param cache        the token cache after the request; store it (encrypted) when {@code cacheChanged}
 * @param cacheChanged true when msal4j wrote to the cache (new access and/or refresh token)
 * @param user         who signed in
 */
public record DelegatedGrant(AccessToken accessToken, TokenCacheBlob cache, boolean cacheChanged, SignedInUser user) {
}
