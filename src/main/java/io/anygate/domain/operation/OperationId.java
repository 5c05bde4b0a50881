package io.anygate.domain.operation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identity of one recorded operation (a card load, an account opening, ...). 26 characters, lower-case hex:
 * 10 of time (milliseconds) so ids sort by creation, 16 of randomness. When the partner sends an
 * Idempotency-Key the id is derived from it instead, so that two replicas racing on the same request compute
 * the same id, and therefore the same TX matchKeys.
 */
public record OperationId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{26}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public OperationId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not an operation id: " + value);
        }
    }

    /** A fresh id for an operation without an Idempotency-Key. */
    public static OperationId generate(long epochMillis) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String time = String.format("%010x", epochMillis & 0xFF_FFFF_FFFFL);
        return new OperationId(time + HexFormat.of().formatHex(random));
    }

    /**
     * The id of the operation a partner's Idempotency-Key names: the same partner, kind and key always give the
     * same id, on every replica.
     */
    public static OperationId fromIdempotencyKey(String partnerId, OperationKind kind, String idempotencyKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((partnerId + '\u0000' + kind.name() + '\u0000' + idempotencyKey)
                    .getBytes(StandardCharsets.UTF_8));
            return new OperationId(HexFormat.of().formatHex(digest).substring(0, 26));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
