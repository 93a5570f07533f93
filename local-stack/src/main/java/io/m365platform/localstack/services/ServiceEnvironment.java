package io.m365platform.localstack.services;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration of each service as environment variables: the one place that says how the local stack wires
 * the services, kept equal to docker-compose.yml (checked by ComposeFileTest) and to deploy/ (same variable names).
 * Names are the services' own (DB_*, KAFKA_BOOTSTRAP_SERVERS, OIDC_* from service-commons; CONNECTION_* of
 * connection-service) or Quarkus' standard environment form of a property.
 */
public final class ServiceEnvironment {

    /** The name of the TLS configuration (Quarkus TLS registry) that trusts the simulator's certificate. */
    public static final String TLS_NAME = "simulator";

    private final StackEndpoints stack;
    private final java.util.function.Predicate<String> hasOidcClient;

    /** {@code hasOidcClient}: which services have Quarkus' OIDC client ({@link ServiceModules#usesOidcClient}). */
    public ServiceEnvironment(StackEndpoints stack, java.util.function.Predicate<String> hasOidcClient) {
        this.stack = stack;
        this.hasOidcClient = hasOidcClient;
    }

    public Map<String, String> forService(String service) {
        Map<String, String> env = new LinkedHashMap<>(common(service));
        switch (service) {
            case "connection-service" -> env.putAll(connectionService());
            case "sync-service", "usage-service", "action-service" -> env.putAll(graphCaller(service));
            default -> throw new IllegalArgumentException("unknown service " + service);
        }
        return env;
    }

    private Map<String, String> common(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(stack.servicePorts().get(service)));
        env.put("DB_HOST", stack.dbHost());
        env.put("DB_PORT", String.valueOf(stack.dbPort()));
        env.put("DB_NAME", stack.dbName());
        env.put("DB_USER", stack.dbUser());
        env.put("DB_PASSWORD", stack.dbPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        // Incoming bearer tokens: issued by the platform tenant of the simulator, roles in `roles`.
        env.put("OIDC_AUTH_SERVER_URL", stack.oidcAuthServerUrl());
        env.put("OIDC_CLIENT_ID", stack.serviceClientId());
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", stack.oidcIssuer());
        env.put("QUARKUS_OIDC_TOKEN_AUDIENCE", stack.oidcAudience());
        env.put("QUARKUS_OIDC_TLS_TLS_CONFIGURATION_NAME", TLS_NAME);
        env.put("QUARKUS_TLS_" + TLS_NAME.toUpperCase() + "_TRUST_STORE_PEM_CERTS", stack.simulatorCertificate().toString());
        // Microsoft Entra ID and Graph: the simulator (service-commons' platform.graph.*, the same for every service).
        env.put("PLATFORM_GRAPH_BASE_URL", stack.graphUrl());
        env.put("PLATFORM_GRAPH_LOGIN_URL", stack.loginUrl());
        env.put("PLATFORM_GRAPH_TRUST_PEM_FILE", stack.simulatorCertificate().toString());
        // Readable logs in the local log files (production keeps the JSON default of service-commons).
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // Traces (service-commons: OTEL_SDK_DISABLED, OTEL_EXPORTER_OTLP_ENDPOINT): off unless an endpoint is given.
        env.put("OTEL_SDK_DISABLED", String.valueOf(stack.otelEndpoint().isEmpty()));
        stack.otelEndpoint().ifPresent(endpoint -> env.put("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint));
        return env;
    }

    private Map<String, String> connectionService() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CONNECTION_CRYPTO_KEYSET_FILE", stack.credentialKeysetFile().toString());
        env.put("ADMIN_SIGN_IN_REDIRECT_URI", stack.adminSignInRedirect());
        return env;
    }

    /** Services that call Graph with tokens from connection-service's token broker. */
    private Map<String, String> graphCaller(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CONNECTION_SERVICE_URL", stack.serviceUrls().get("connection-service"));
        if (!hasOidcClient.test(service)) {
            return env;
        }
        // Service-to-service bearer tokens (client credentials of the "platform services" app, role `service`). The
        // variables carry the exact property names: QUARKUS_OIDC_CLIENT_* would also read as settings of an OIDC
        // tenant named "client" (quarkus.oidc.client.*), which breaks the start once discovery is off.
        env.put("quarkus.oidc-client.auth-server-url", stack.oidcAuthServerUrl());
        // No discovery at start: a slow first answer (four JVMs starting on two cores) would fail the service's
        // start; the token endpoint is known.
        env.put("quarkus.oidc-client.discovery-enabled", "false");
        env.put("quarkus.oidc-client.token-path", stack.oidcTokenUrl());
        env.put("quarkus.oidc-client.client-id", stack.serviceClientId());
        env.put("quarkus.oidc-client.credentials.secret", stack.serviceClientSecret());
        env.put("quarkus.oidc-client.scopes", stack.serviceScope());
        env.put("quarkus.oidc-client.tls.tls-configuration-name", TLS_NAME);
        return env;
    }
}
