package io.m365platform.connection.domain;

import java.util.Objects;

/**
 * The administrator who signed in for an admin-user connection. Neither value is a secret.
 *
 * @param username      sign-in name (UPN), shown as "connected by"
 * @param homeAccountId msal4j's account key ({@code oid.tid}), needed to find the account in the sealed token cache
 */
public record AdminAccount(String username, String homeAccountId) {

    public AdminAccount {
        Objects.requireNonNull(username, "username");
    }
}
