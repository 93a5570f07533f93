package io.m365platform.connection.adminuser;

import io.m365platform.connection.domain.Connection;

/** An admin sign-in was started for a connection that uses the app-registration method. */
public class SignInNotApplicableException extends RuntimeException {
    public SignInNotApplicableException(Connection c) {
        super("Connection " + c.id() + " uses the " + c.method().wireName() + " method: it has no admin sign-in");
    }
}
