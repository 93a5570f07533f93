package io.m365platform.action.executor;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.action.ActionOutcome;

import java.time.Duration;
import java.util.Map;

/** What one run of an executor ended with. */
public sealed interface Step {

    /**
     * The action is done.
     *
     * @param resourceId id of the object created or changed, or null
     * @param details    facts about the change ({@code changed.<property>: before → after}, counts); never secrets
     */
    record Done(ActionOutcome outcome, String resourceId, Map<String, String> details) implements Step {
    }

    /**
     * A long-running action goes on later from {@code checkpoint} (e.g. a copy's monitor URL).
     *
     * @param progress what an operator sees meanwhile (e.g. percentage), stored in the checkpoint
     */
    record Continue(JsonNode checkpoint, Duration after) implements Step {
    }

    static Done applied(String resourceId, Map<String, String> details) {
        return new Done(ActionOutcome.APPLIED, resourceId, details);
    }

    static Done alreadyApplied(String resourceId, Map<String, String> details) {
        return new Done(ActionOutcome.ALREADY_APPLIED, resourceId, details);
    }
}
