package io.anygate.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** Slow hashes for partner secrets (bcrypt) and fast ones for high-entropy values (tokens, validation data). */
public final class Secrets {

    static final SecureRandom RANDOM = new SecureRandom();
    /** Checked when the client is unknown, so that unknown and known clients take the same time. */
    private static final String DUMMY = bcrypt("dummy-secret-for-constant-time", 10);

    private Secrets() {
    }

    public static String bcrypt(String secret, int cost) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", secret.toCharArray(), salt, cost);
    }

    static boolean bcryptMatches(String hash, String secret) {
        try {
            return OpenBSDBCrypt.checkPassword(hash == null ? DUMMY : hash, secret.toCharArray());
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String randomToken(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
