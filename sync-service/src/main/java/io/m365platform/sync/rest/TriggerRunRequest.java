package io.m365platform.sync.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of {@code POST /connections/{id}/runs}.
 *
 * @param mode      {@code full} or {@code incremental}
 * @param resources resources to read (wire names, e.g. {@code users}); empty or absent: all the connection allows
 * @param reason    free text shown in the run history
 */
public record TriggerRunRequest(
        @NotNull(message = "is required (full or incremental)")
        @Pattern(regexp = "full|incremental", message = "must be full or incremental") String mode,
        List<@NotNull String> resources,
        @Size(max = 500, message = "must be at most 500 characters") String reason) {
}
