package io.m365platform.action.intake;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One row of the action log: a request as received, its status and its outcome. */
public record ActionRecord(String actionId, String connectionId, String actionType, String targetId, String status,
                           JsonNode parameters, String requestedBy, Instant requestedAt, Instant receivedAt,
                           int attempts, String errorCode, String errorMessage) {
}
