package io.m365platform.graphsim.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Pseudonyms of concealed report names (GRAPH_FACTS §5.6): a 32-character upper-case hex hash per user, the same
 * in every report and every request, different per tenant, and not the user id.
 */
public final class ConcealedNames {
    private ConcealedNames() {
    }

    public static String of(String tenantId, String userId) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] digest = md5.digest(("concealed:" + tenantId + ":" + userId).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
