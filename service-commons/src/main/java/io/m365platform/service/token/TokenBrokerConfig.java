package io.m365platform.service.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How a service reaches connection-service's token broker ({@code platform.token-broker.*}). */
@ConfigMapping(prefix = "platform.token-broker")
public interface TokenBrokerConfig {

    /** connection-service's base URL. */
    @WithDefault("http://localhost:8081")
    URI url();

    /** {@code oidc-client} (client-credentials grant, {@code quarkus.oidc-client.*}) or {@code static}. */
    @WithDefault("oidc-client")
    String auth();

    /** The bearer token for {@code auth=static} (a secret: from the environment, never logged). */
    Optional<String> staticToken();

    @WithDefault("10s")
    Duration timeout();

    /** A brokered Graph token is used until this long before it expires. */
    @WithDefault("2m")
    Duration refreshBefore();
}
