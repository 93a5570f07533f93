package io.m365platform.action.store;

import io.m365platform.contracts.action.ActionRequested;

/**
 * A request to record.
 *
 * @param request   the validated request
 * @param requester who delivered it: the CloudEvent source (Kafka) or the JWT subject (REST)
 * @param channel   {@code kafka} or {@code rest}
 * @param partition source partition (Kafka), or null
 * @param offset    source offset (Kafka), or null
 */
public record NewAction(ActionRequested request, String requester, String channel, Integer partition, Long offset) {

    public String orderingKey() {
        return request.kafkaKey();
    }
}
