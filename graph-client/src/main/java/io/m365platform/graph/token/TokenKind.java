package io.m365platform.graph.token;

/** How a token was obtained, which decides where its permissions are: {@code roles} or {@code scp}. */
public enum TokenKind {
    /** Client credentials (app registration method): application permissions in the {@code roles} claim. */
    APP,
    /** Authorization code + refresh token (admin-user method): delegated permissions in the {@code scp} claim. */
    DELEGATED
}
