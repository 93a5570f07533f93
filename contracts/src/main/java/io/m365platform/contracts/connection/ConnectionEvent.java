package io.m365platform.contracts.connection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.PlatformEvent;

/**
 * A connection lifecycle event that carries the connection's whole state, so that the latest record per key
 * on the compacted {@code m365.connections} topic is the current state of that connection.
 */
public interface ConnectionEvent extends PlatformEvent {

    ConnectionState connection();

    @Override
    @JsonIgnore
    default String tenantId() {
        return connection().tenantId();
    }

    @Override
    @JsonIgnore
    default String connectionId() {
        return connection().connectionId();
    }

    @Override
    @JsonIgnore
    default String kafkaKey() {
        return EventKey.of(connectionId());
    }
}
