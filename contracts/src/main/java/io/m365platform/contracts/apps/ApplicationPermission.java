package io.m365platform.contracts.apps;

import io.m365platform.contracts.Checks;

import java.time.Instant;

/**
 * An application permission (app role) granted to the app by an admin (Graph {@code appRoleAssignment} of
 * the app's service principal).
 *
 * @param assignmentId        app role assignment id
 * @param resourceId          service principal id of the API
 * @param resourceDisplayName name of the API when known
 * @param appRoleId           app role id
 * @param permission          permission value when known, e.g. {@code User.Read.All}
 * @param createdDateTime     when it was granted
 */
public record ApplicationPermission(String assignmentId, String resourceId, String resourceDisplayName,
                                    String appRoleId, String permission, Instant createdDateTime) {

    public ApplicationPermission {
        Checks.requireText(assignmentId, "assignmentId");
        Checks.requireText(resourceId, "resourceId");
        Checks.requireText(appRoleId, "appRoleId");
    }
}
