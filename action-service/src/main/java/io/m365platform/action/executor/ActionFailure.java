package io.m365platform.action.executor;

import io.m365platform.action.store.Failure;

/** An executor found that the action cannot succeed as asked (e.g. no manager to transfer to): fail with the fix. */
public final class ActionFailure extends RuntimeException {

    private final transient Failure failure;

    public ActionFailure(String code, String message, String fix) {
        super(message);
        this.failure = Failure.of(code, message, fix);
    }

    public Failure failure() {
        return failure;
    }
}
