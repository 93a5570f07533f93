package io.m365platform.connection.service;

import io.m365platform.graph.token.failure.PermanentTokenException;

/** A new credential was refused by the identity platform; the stored one stays in place. */
public class CredentialsRejectedException extends RuntimeException {

    private final PermanentTokenException failure;

    public CredentialsRejectedException(PermanentTokenException failure) {
        super("The new credentials were rejected: " + failure.getMessage());
        this.failure = failure;
    }

    public PermanentTokenException failure() {
        return failure;
    }
}
