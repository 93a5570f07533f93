package io.m365platform.connection.rest;

import io.m365platform.contracts.connection.PermissionLevel;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Settings an operator may change after creation (absent fields stay as they are). */
@Schema(name = "UpdateConnectionRequest")
public record UpdateConnectionRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String displayName,
        @Schema(enumeration = {"read", "read-write"}) PermissionLevel permissionLevel) {
}
