package io.m365platform.service.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A consumer's handling of one record, run by {@link ConsumerErrorPolicy} (again, after a transient failure). */
@FunctionalInterface
public interface RecordHandler {

    void handle(ConsumerRecord<String, byte[]> record);
}
