package io.m365platform.service.token;

import io.m365platform.graph.token.AccessToken;

/**
 * Graph access tokens per connection. In production connection-service's token broker issues them (this service
 * never sees a client secret or refresh token); in tests a source may get them from the simulator directly.
 */
public interface TokenSource {

    /**
     * A token for the connection, valid for a while yet.
     *
     * @throws TokenUnavailableException when no token can be had (the exception says whether trying later helps)
     */
    AccessToken token(String connectionId);
}
