package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;

/**
 * An activated Entra directory role (Graph {@code directoryRole}).
 *
 * @param id             object id of the activated role
 * @param roleTemplateId template id; equals the unifiedRoleDefinition id of built-in roles
 * @param displayName    e.g. Global Administrator
 * @param description    description
 */
public record DirectoryRole(String id, String roleTemplateId, String displayName, String description) {

    public DirectoryRole {
        Checks.requireText(id, "id");
        Checks.requireText(roleTemplateId, "roleTemplateId");
        Checks.requireText(displayName, "displayName");
    }
}
