package io.m365platform.connection.service;

import java.util.UUID;

/** An admin-user connection nobody has signed in to yet: it cannot be tested or used. */
public class SignInRequiredException extends RuntimeException {
    public SignInRequiredException(UUID id) {
        super("Connection " + id + " uses the admin-user method and no administrator has signed in yet:"
                + " start the admin sign-in first");
    }
}
