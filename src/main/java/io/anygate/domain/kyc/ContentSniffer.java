package io.anygate.domain.kyc;

import java.util.Optional;

/**
 * The content type of a KYC file read from its first bytes (the SDK names every file {@code <field>.jpg} whatever
 * it holds, and a declared type proves nothing): JPEG, PNG and PDF are accepted, nothing else.
 */
public final class ContentSniffer {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};

    private ContentSniffer() {
    }

    /** {@code image/jpeg}, {@code image/png}, {@code application/pdf}, or empty for anything else. */
    public static Optional<String> sniff(byte[] bytes) {
        if (startsWith(bytes, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, PDF)) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes == null || bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
