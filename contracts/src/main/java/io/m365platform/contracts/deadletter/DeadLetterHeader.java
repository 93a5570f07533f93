package io.m365platform.contracts.deadletter;

import io.m365platform.contracts.Checks;

/**
 * A Kafka header of a dead-lettered record, kept byte-exact.
 *
 * @param key    header name
 * @param value  header value: UTF-8 text, or base64 when {@code base64} is true; null for a null value
 * @param base64 true when the value was not valid UTF-8 and is base64-encoded
 */
public record DeadLetterHeader(String key, String value, boolean base64) {

    public DeadLetterHeader {
        Checks.require(key, "key");
    }
}
