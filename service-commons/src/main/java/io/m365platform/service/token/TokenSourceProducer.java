package io.m365platform.service.token;

import io.m365platform.contracts.EventJson;
import io.quarkus.arc.DefaultBean;
import io.quarkus.oidc.client.OidcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.net.http.HttpClient;
import java.time.Clock;

/**
 * The {@link TokenSource} of a service that calls Graph: connection-service's broker, cached per connection until
 * shortly before expiry. Tests replace it (a bean of their own) with one that asks the simulator.
 */
@ApplicationScoped
public class TokenSourceProducer {

    @Produces
    @Singleton
    @DefaultBean
    TokenSource tokens(TokenBrokerConfig config, Instance<OidcClient> oidcClient) {
        ServiceCredentials credentials = switch (config.auth()) {
            case "static" -> {
                String token = config.staticToken().orElseThrow(() -> new IllegalStateException(
                        "platform.token-broker.auth=static needs platform.token-broker.static-token"));
                yield () -> token;
            }
            case "oidc-client" -> new OidcClientCredentials(oidcClient.get());
            default -> throw new IllegalStateException(
                    "platform.token-broker.auth must be oidc-client or static, was " + config.auth());
        };
        HttpClient http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        return new CachingTokenSource(new BrokerTokenSource(config.url(), credentials, http, config.timeout(),
                EventJson.mapper()), config.refreshBefore(), Clock.systemUTC());
    }
}
