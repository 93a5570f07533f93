package com.microsoft.aad.msal4j;

import java.util.List;
import java.util.Map;

/**
 * Test helper living in msal4j's package: builds the exception msal4j itself builds from a token
 * endpoint answer (same factory, same JSON parsing), so classifier tests see real msal4j objects.
 */
public final class MsalErrors {

    private MsalErrors() {
    }

    public static MsalServiceException fromResponse(int status, Map<String, List<String>> headers, String body) {
        HttpResponse response = new HttpResponse().statusCode(status).body(body);
        response.addHeaders(headers);
        return MsalServiceExceptionFactory.fromHttpResponse(response);
    }

    /** An AAD error body as the Microsoft identity platform sends it. */
    public static String aadBody(String error, int code, String text) {
        return "{\"error\":\"" + error + "\",\"error_description\":\"AADSTS" + code + ": " + text
                + "\\r\\nTrace ID: 0b1c2d3e-0000-0000-0000-000000000000\\r\\nCorrelation ID: 1b1c2d3e-0000-0000-0000-000000000000"
                + "\\r\\nTimestamp: 2025-01-01 10:00:00Z\",\"error_codes\":[" + code + "],"
                + "\"timestamp\":\"2025-01-01 10:00:00Z\",\"trace_id\":\"0b1c2d3e-0000-0000-0000-000000000000\","
                + "\"correlation_id\":\"1b1c2d3e-0000-0000-0000-000000000000\"}";
    }
}
