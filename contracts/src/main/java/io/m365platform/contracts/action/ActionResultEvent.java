package io.m365platform.contracts.action;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.PlatformEvent;

/** An answer to an {@link ActionRequested} on {@code m365.actions.results}, keyed by {@code {connectionId}/{actionId}}. */
public interface ActionResultEvent extends PlatformEvent {

    /** The actionId of the request this answers. */
    String actionId();

    @Override
    @JsonIgnore
    default String kafkaKey() {
        return EventKey.of(connectionId(), actionId());
    }
}
