package io.m365platform.connection.service;

import io.m365platform.graph.token.failure.TransientTokenException;

/** The identity platform did not answer while a new credential was tested; nothing was changed. */
public class CredentialsUnverifiedException extends RuntimeException {

    private final TransientTokenException failure;

    public CredentialsUnverifiedException(TransientTokenException failure) {
        super("The new credentials could not be verified (the identity platform did not answer); nothing was changed: "
                + failure.getMessage());
        this.failure = failure;
    }

    public TransientTokenException failure() {
        return failure;
    }
}
