package io.m365platform.graph.token.delegated;

/**
 * The admin who connected the tenant.
 *
 * @param homeAccountId msal4j's account key ({@code oid.tid}); pass it back for silent acquisition
 * @param username      the sign-in name (UPN), shown as "connected by"
 */
public record SignedInUser(String homeAccountId, String username) {
}
