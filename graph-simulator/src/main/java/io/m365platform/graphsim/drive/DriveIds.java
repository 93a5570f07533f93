package io.m365platform.graphsim.drive;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * OneDrive-for-Business-shaped ids: drive ids "b!" + 43 base64url characters (two GUIDs, the first being the owner,
 * so a drive id leads back to its user), item ids "01" + 32 base32 characters.
 */
final class DriveIds {
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private DriveIds() {
    }

    static String driveId(long seed, String userId) {
        UUID owner = isGuid(userId) ? UUID.fromString(userId) : UUID.nameUUIDFromBytes(userId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.allocate(32);
        b.putLong(owner.getMostSignificantBits()).putLong(owner.getLeastSignificantBits());
        b.putLong(seed * 0x9E3779B97F4A7C15L).putLong(userId.hashCode());
        return "b!" + Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** The owner's user id encoded in a drive id, or null when it is not one of ours. */
    static String ownerOf(String driveId) {
        if (driveId == null || !driveId.startsWith("b!")) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(driveId.substring(2));
            if (bytes.length != 32) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            return new UUID(b.getLong(), b.getLong()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean isGuid(String s) {
        try {
            return UUID.fromString(s).toString().equalsIgnoreCase(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String itemId(SplittableRandom r) {
        StringBuilder sb = new StringBuilder("01");
        for (int i = 0; i < 32; i++) {
            sb.append(BASE32[r.nextInt(32)]);
        }
        return sb.toString();
    }

    static String itemId(long a, long b) {
        return itemId(new SplittableRandom(a * 0xBF58476D1CE4E5B9L ^ b));
    }

    static String mimeType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".docx")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        if (n.endsWith(".xlsx")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        if (n.endsWith(".pptx")) return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
        if (n.endsWith(".pdf")) return "application/pdf";
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) return "image/jpeg";
        if (n.endsWith(".png")) return "image/png";
        if (n.endsWith(".txt")) return "text/plain";
        return "application/octet-stream";
    }
}
