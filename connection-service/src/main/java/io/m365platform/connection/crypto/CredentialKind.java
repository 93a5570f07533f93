package io.m365platform.connection.crypto;

/** The credentials connection-service keeps, each sealed separately. */
public enum CredentialKind {
    /** The app registration's client secret (both methods: the admin-user method is a confidential client too). */
    CLIENT_SECRET("client-secret"),
    /** msal4j's serialised token cache of an admin-user connection: it holds the refresh token. */
    TOKEN_CACHE("token-cache"),
    /** The PKCE code verifier of an admin sign-in in progress. */
    PKCE_VERIFIER("pkce-verifier");

    private final String wireName;

    CredentialKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static CredentialKind of(String wireName) {
        for (CredentialKind k : values()) {
            if (k.wireName.equals(wireName)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown credential kind " + wireName);
    }
}
