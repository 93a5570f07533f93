package io.m365platform.action.execution;

import io.m365platform.action.store.Failure;

import java.time.Duration;

/** What to do with an action whose attempt threw. */
public sealed interface Verdict {

    Failure failure();

    /** Graph (or the login service) asked us to come back later: try again after {@code after}, within the budget. */
    record Retry(Failure failure, Duration after) implements Verdict {
    }

    /** Cannot succeed as it is: fail with the reason and the fix. */
    record Permanent(Failure failure) implements Verdict {
    }
}
