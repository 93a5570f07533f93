package io.m365platform.localstack.services;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where everything of the running stack is, as the services need to be told: the inputs of
 * {@link ServiceEnvironment}.
 *
 * @param kafkaBootstrapServers host:port of the broker
 * @param dbHost                PostgreSQL host
 * @param dbPort                PostgreSQL port
 * @param dbName                the stack's database (one schema per service inside)
 * @param dbUser                PostgreSQL user
 * @param dbPassword            PostgreSQL password (may be empty: trust authentication)
 * @param loginUrl              Entra ID host (the simulator), without path
 * @param graphUrl              Graph root with version (the simulator's /v1.0)
 * @param simulatorCertificate  PEM file of the simulator's certificate, trusted for Graph, login and OIDC calls
 * @param oidcAuthServerUrl     the services' OIDC provider (the simulator's platform tenant)
 * @param oidcIssuer            the {@code iss} of the platform's tokens
 * @param oidcAudience          the {@code aud} of the platform's tokens
 * @param serviceClientId       client id of the "platform services" app (service-to-service tokens)
 * @param serviceClientSecret   its secret
 * @param serviceScope          the scope to ask for service-to-service tokens
 * @param servicePorts          HTTP port of each service
 * @param credentialKeysetFile  connection-service's credential encryption keyset (Tink JSON)
 * @param otelEndpoint          OTLP endpoint for traces, empty for none
 */
public record StackEndpoints(
        String kafkaBootstrapServers,
        String dbHost,
        int dbPort,
        String dbName,
        String dbUser,
        String dbPassword,
        String loginUrl,
        String graphUrl,
        Path simulatorCertificate,
        String oidcAuthServerUrl,
        String oidcIssuer,
        String oidcAudience,
        String serviceClientId,
        String serviceClientSecret,
        String serviceScope,
        Map<String, Integer> servicePorts,
        Path credentialKeysetFile,
        Optional<String> otelEndpoint) {

    public String serviceUrl(String service) {
        return "http://localhost:" + servicePorts.get(service);
    }
}
