package io.m365platform.sync.engine;

/** The run was cancelled (connection deleted, operator) or the instance is shutting down: stop at the next page. */
public class RunStoppedException extends RuntimeException {

    public RunStoppedException(String message) {
        super(message);
    }
}
