package io.m365platform.contracts.apps;

import java.time.Instant;

/**
 * Microsoft Partner Network verification of an app's publisher (Graph {@code verifiedPublisher}).
 *
 * @param displayName         verified publisher name
 * @param verifiedPublisherId MPN id
 * @param addedDateTime       when the verification was added
 */
public record VerifiedPublisher(String displayName, String verifiedPublisherId, Instant addedDateTime) {
}
