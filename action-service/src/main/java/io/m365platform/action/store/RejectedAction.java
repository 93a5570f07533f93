package io.m365platform.action.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request refused before anything ran: invalid, too old, or not allowed on its connection.
 *
 * @param typeName    the action's wire name as requested (may be unknown), or null
 * @param orderingKey the request's ordering key
 * @param errorCode   machine-readable cause ({@code invalid-request}, {@code too-old}, {@code read-only-connection}...)
 * @param message     what is wrong
 * @param fix         what to do about it, or null
 */
public record RejectedAction(String actionId, String connectionId, String tenantId, String typeName,
                             JsonNode parameters, String targetId, String orderingKey, String requestedBy,
                             String requester, String channel, Integer partition, Long offset, String errorCode,
                             String message, String fix) {
}
