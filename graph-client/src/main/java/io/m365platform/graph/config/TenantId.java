package io.m365platform.graph.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A tenant as given by an operator: a directory (tenant) GUID or a verified domain such as
 * {@code contoso.onmicrosoft.com}. It becomes a URL path segment of the token endpoint, so anything
 * else (slashes, '?', '#', "common", "organizations", "consumers") is rejected here.
 */
public record TenantId(String value) {

    private static final Pattern GUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern DOMAIN =
            Pattern.compile("^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");

    public TenantId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("tenant is required (a tenant GUID or a verified domain)");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        if (!GUID.matcher(value).matches() && !DOMAIN.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "tenant must be a tenant GUID or a verified domain (e.g. contoso.onmicrosoft.com), was '" + value + "'");
        }
        if (value.equals("common") || value.equals("organizations") || value.equals("consumers")) {
            throw new IllegalArgumentException("tenant must name one tenant, not '" + value + "'");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    public boolean isGuid() {
        return GUID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
