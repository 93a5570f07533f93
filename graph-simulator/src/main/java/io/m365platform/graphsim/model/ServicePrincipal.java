package io.m365platform.graphsim.model;

import java.time.Instant;
import java.util.List;

/**
 * A service principal (an app's presence in the tenant). First-party Microsoft apps have appOwnerOrganizationId
 * f8cdef31-a31e-4b4a-93e4-5f571e91255a; apps registered in this tenant have the tenant id; the rest are
 * third-party. {@code verifiedPublisherName} null = unverified publisher.
 */
public record ServicePrincipal(
        String id,
        String appId,
        String displayName,
        String appOwnerOrganizationId,
        String publisherName,
        String signInAudience,
        List<String> tags,
        String verifiedPublisherName,
        String verifiedPublisherId,
        Instant verifiedPublisherAddedDateTime,
        boolean accountEnabled,
        String homepage,
        List<String> replyUrls) {

    public static final String MICROSOFT_TENANT = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    public ServicePrincipal {
        tags = tags == null ? List.of() : List.copyOf(tags);
        replyUrls = replyUrls == null ? List.of() : List.copyOf(replyUrls);
    }
}
