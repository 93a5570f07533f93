package io.m365platform.connection.adminuser;

/** The sign-in redirect cannot be accepted (unknown or used state, expired, an error from Entra, no code). */
public class InvalidSignInException extends RuntimeException {
    public InvalidSignInException(String message) {
        super(message);
    }
}
