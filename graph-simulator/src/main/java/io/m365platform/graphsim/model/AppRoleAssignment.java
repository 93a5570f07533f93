package io.m365platform.graphsim.model;

import java.time.Instant;

/**
 * An application permission granted to a service principal (Graph {@code appRoleAssignment}): the app role
 * {@code appRoleId} of the resource service principal {@code resourceId} (e.g. Microsoft Graph) assigned to
 * {@code principalId} (the client app's service principal). Display names are resolved when served.
 */
public record AppRoleAssignment(String id, String appRoleId, String principalId, String resourceId,
                                Instant createdDateTime) {
}
