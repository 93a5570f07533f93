package io.m365platform.graphsim.model;

import java.time.Instant;

/**
 * A Teams app in the tenant's catalogue with its (single) published definition. distributionMethod store |
 * organization | sideloaded; clientAppId = the Entra app behind it (authorization.clientAppId), may be null.
 */
public record TeamsApp(String id, String externalId, String displayName, String distributionMethod,
                       String definitionId, String version, String shortDescription, String description,
                       String publishingState, String clientAppId, Instant lastModifiedDateTime) {
}
