package io.m365platform.service.events;

/** Kafka did not durably accept events; the caller must not treat them as published (e.g. not checkpoint). */
public class EventPublishingException extends RuntimeException {

    public EventPublishingException(String message, Throwable cause) {
        super(message, cause);
    }
}
