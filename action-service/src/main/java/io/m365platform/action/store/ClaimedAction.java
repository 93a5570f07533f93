package io.m365platform.action.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.action.ActionType;

import java.time.Instant;

/**
 * An action this instance holds the lease of.
 *
 * @param attempts   attempts so far, this one included
 * @param checkpoint where a long-running action resumes, or null on a first attempt
 */
public record ClaimedAction(String actionId, String connectionId, String tenantId, ActionType type,
                            JsonNode parameters, String targetId, int attempts, JsonNode checkpoint,
                            Instant requestedAt) {
}
