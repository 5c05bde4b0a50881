package io.anygate.anytime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The envelope timestamp: Unix seconds with at most 4 decimals and no trailing zeros, e.g. {@code 1478525194.6798}.
 * The PHP SDK checks {@code hash('sha256', (string)$timestamp . '|' . $username)} after json_decode; PHP's
 * (string) of a float prints 14 significant digits without trailing zeros, so a 10-digit second count with at most
 * 4 decimals reads back as exactly the text we wrote and hashed.
 */
public record AnytimeTimestamp(String text) {

    public static AnytimeTimestamp of(Instant instant) {
        long seconds = instant.getEpochSecond();
        int tenThousandths = instant.getNano() / 100_000;
        if (tenThousandths == 0) {
            return new AnytimeTimestamp(Long.toString(seconds));
        }
        String fraction = Integer.toString(10_000 + tenThousandths).substring(1); // 4 digits, zero-padded
        int end = fraction.length();
        while (fraction.charAt(end - 1) == '0') {
            end--;
        }
        return new AnytimeTimestamp(seconds + "." + fraction.substring(0, end));
    }

    /** sha256(timestamp|username), lowercase hex, as Anytime and its SDK compute it. */
    public String hash(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((text + "|" + username).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
