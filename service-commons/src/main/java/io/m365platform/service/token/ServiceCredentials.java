package io.m365platform.service.token;

/** The bearer token sync-service presents to the platform's other services (role {@code service}). */
@FunctionalInterface
public interface ServiceCredentials {

    String bearerToken();
}
