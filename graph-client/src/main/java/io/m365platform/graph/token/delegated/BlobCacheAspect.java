package io.m365platform.graph.token.delegated;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;

/**
 * Loads one connection's cache blob into msal4j before each cache access and captures it after a
 * change. Used with a short-lived application per call, so blobs of different connections never mix.
 */
final class BlobCacheAspect implements ITokenCacheAccessAspect {

    private volatile String current;
    private volatile boolean changed;

    BlobCacheAspect(TokenCacheBlob initial) {
        this.current = initial == null ? null : initial.serialized();
    }

    @Override
    public void beforeCacheAccess(ITokenCacheAccessContext context) {
        if (current != null) {
            context.tokenCache().deserialize(current);
        }
    }

    @Override
    public void afterCacheAccess(ITokenCacheAccessContext context) {
        if (context.hasCacheChanged()) {
            current = context.tokenCache().serialize();
            changed = true;
        }
    }

    TokenCacheBlob blob() {
        return current == null ? null : TokenCacheBlob.of(current);
    }

    boolean changed() {
        return changed;
    }
}
