package io.m365platform.graphsim.model;

/**
 * A delegated-permission consent: consentType AllPrincipals (admin consent, principalId null) or Principal
 * (one user). clientId/resourceId are service principal object ids.
 */
public record OAuth2PermissionGrant(String id, String clientId, String consentType, String principalId,
                                    String resourceId, String scope) {
}
