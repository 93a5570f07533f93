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
 * @param oidcTokenUrl          its token endpoint
 * @param oidcIssuer            the {@code iss} of the platform's tokens
 * @param oidcAudience          the {@code aud} of the platform's tokens
 * @param serviceClientId       client id of the "platform services" app (service-to-service tokens)
 * @param serviceClientSecret   its secret
 * @param serviceScope          the scope to ask for service-to-service tokens
 * @param servicePorts          HTTP port of each service
 * @param serviceUrls           base URL of each service as the other services reach it
 * @param adminSignInRedirect   the admin sign-in redirect URI (where a browser reaches connection-service)
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
        String oidcTokenUrl,
        String oidcIssuer,
        String oidcAudience,
        String serviceClientId,
        String serviceClientSecret,
        String serviceScope,
        Map<String, Integer> servicePorts,
        Map<String, String> serviceUrls,
        String adminSignInRedirect,
        Path credentialKeysetFile,
        Optional<String> otelEndpoint) {

    /** Every service on this machine: http://localhost:PORT. */
    public static Map<String, String> localhostUrls(Map<String, Integer> ports) {
        Map<String, String> urls = new java.util.LinkedHashMap<>();
        ports.forEach((service, port) -> urls.put(service, "http://localhost:" + port));
        return urls;
    }
}
