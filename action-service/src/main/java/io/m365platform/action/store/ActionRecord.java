package io.m365platform.action.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One row of the action log as operators see it: the request, its state, its outcome and the Graph calls made. */
public record ActionRecord(String actionId, String connectionId, String tenantId, String actionType, String targetId,
                           ActionStatus status, JsonNode parameters, String requestedBy, String requester,
                           String reason, String correlationId, Instant requestedAt, Instant receivedAt,
                           int attempts, Instant notBefore, String outcome, String resourceId,
                           Map<String, String> details, String errorCode, String errorMessage, String fix,
                           Integer graphStatus, String graphErrorCode, List<GraphCall> graphCalls,
                           JsonNode progress, String approvedBy, Instant finishedAt) {
}
