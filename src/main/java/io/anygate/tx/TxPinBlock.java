package io.anygate.tx;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Reads the PIN out of the encrypted PIN block {@code GET /tx/v1/card/pin} answers (base64), as TX's interface
 * configuration encrypts it (docs/tx-contract.md, "PIN blocks"):
 * <ul>
 * <li>ISO 9564-1 format 0: 8 bytes, TDES-ECB under the PIN encryption key; the clear block is the PIN field
 * ({@code 0}, length, digits, {@code F} fill) XOR the PAN field ({@code 0000} and the 12 rightmost PAN digits
 * without the check digit);</li>
 * <li>ISO 9564-1 format 4: 16 bytes, AES; deciphered, XORed with the PAN field ({@code M} = PAN length - 12, the
 * PAN, {@code 0} fill), deciphered again: the PIN field ({@code 4}, length, digits, {@code A} fill, 16 random
 * nibbles).</li>
 * </ul>
 * Every nibble the format fixes is checked, so a block under another key, for another PAN or corrupted on the way
 * is refused ({@link Unreadable}) instead of yielding a wrong PIN: a random clear block passes format 0's checks
 * about once in 10^13. Never log its input, output or key; {@link Unreadable}'s message names neither.
 */
final class TxPinBlock {

    /** The two PIN block formats TX may be configured with. */
    enum Format {
        /** ISO 9564-1 format 0 under a TDES key (16 or 24 bytes). */
        ISO_0,
        /** ISO 9564-1 format 4 under an AES key (16, 24 or 32 bytes). */
        ISO_4;

        /** {@code iso-0} / {@code iso-4} (any case, {@code _} or {@code -}), as configured. */
        static Format parse(String text) {
            String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            return switch (t) {
                case "ISO_0", "0" -> ISO_0;
                case "ISO_4", "4" -> ISO_4;
                default -> throw new IllegalArgumentException(
                        "gateway.tx.pin.format must be iso-0 or iso-4, not " + text);
            };
        }

        int blockSize() {
            return this == ISO_0 ? 8 : 16;
        }

        boolean keyLengthFits(int bytes) {
            return this == ISO_0 ? bytes == 16 || bytes == 24 : bytes == 16 || bytes == 24 || bytes == 32;
        }
    }

    /** The block cannot be read as a PIN under this key and PAN. The message never holds a secret. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private TxPinBlock() {
    }

    /** The key from its hex text, checked against the format's cipher; the message never quotes the value. */
    static byte[] key(Format format, String hex) {
        byte[] key;
        try {
            key = HexFormat.of().parseHex(hex == null ? "" : hex.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gateway.tx.pin.key must be hexadecimal");
        }
        if (!format.keyLengthFits(key.length)) {
            throw new IllegalArgumentException("gateway.tx.pin.key has " + key.length + " bytes; "
                    + (format == Format.ISO_0 ? "a TDES key has 16 or 24" : "an AES key has 16, 24 or 32"));
        }
        return key;
    }

    /** The PIN of {@code pan} in {@code base64Block}. */
    static String pin(String base64Block, String pan, Format format, byte[] key) {
        if (pan == null || !pan.matches("\\d{12,19}")) {
            throw new Unreadable("the card's PAN is not 12 to 19 digits");
        }
        byte[] block;
        try {
            block = Base64.getDecoder().decode(base64Block == null ? "" : base64Block.trim());
        } catch (IllegalArgumentException e) {
            throw new Unreadable("the PIN block is not base64");
        }
        if (block.length != format.blockSize()) {
            throw new Unreadable("the PIN block has " + block.length + " bytes, format " + format + " has "
                    + format.blockSize());
        }
        return format == Format.ISO_0 ? format0(block, pan, key) : format4(block, pan, key);
    }

    private static String format0(byte[] block, String pan, byte[] key) {
        byte[] clear = decipher(new DESedeEngine(), key, block);
        xor(clear, panField0(pan));
        char[] n = nibbles(clear);
        int length = Character.digit(n[1], 16);
        if (n[0] != '0' || length < 4 || length > 12) {
            throw new Unreadable("not a format 0 PIN block under this key and PAN");
        }
        return digits(n, length, 'F', 16);
    }

    private static String format4(byte[] block, String pan, byte[] key) {
        byte[] b = decipher(AESEngine.newInstance(), key, block);
        xor(b, panField4(pan));
        char[] n = nibbles(decipher(AESEngine.newInstance(), key, b));
        int length = Character.digit(n[1], 16);
        if (n[0] != '4' || length < 4 || length > 12) {
            throw new Unreadable("not a format 4 PIN block under this key and PAN");
        }
        // nibbles 16..31 are random fill: nothing to check there
        return digits(n, length, 'A', 16);
    }

    /** The {@code length} PIN digits from nibble 2, then {@code fill} up to nibble {@code end}. */
    private static String digits(char[] n, int length, char fill, int end) {
        for (int i = 2; i < 2 + length; i++) {
            if (n[i] < '0' || n[i] > '9') {
                throw new Unreadable("the PIN field holds a non-digit");
            }
        }
        for (int i = 2 + length; i < end; i++) {
            if (n[i] != fill) {
                throw new Unreadable("the PIN field's fill is not " + fill);
            }
        }
        return new String(n, 2, length);
    }

    /** Format 0's PAN field: {@code 0000} and the 12 rightmost digits without the check digit. */
    static byte[] panField0(String pan) {
        String account = pan.substring(pan.length() - 13, pan.length() - 1);
        return HexFormat.of().parseHex("0000" + account);
    }

    /** Format 4's PAN field: {@code M} (PAN length - 12), the PAN, {@code 0} fill to 32 nibbles. */
    static byte[] panField4(String pan) {
        String field = (pan.length() - 12) + pan;
        return HexFormat.of().parseHex(field + "0".repeat(32 - field.length()));
    }

    private static byte[] decipher(BlockCipher cipher, byte[] key, byte[] in) {
        byte[] out = new byte[in.length];
        try {
            cipher.init(false, new KeyParameter(key));
            for (int off = 0; off < in.length; off += cipher.getBlockSize()) {
                cipher.processBlock(in, off, out, off);
            }
        } catch (IllegalArgumentException | DataLengthException e) {
            throw new Unreadable("the PIN key does not fit the block's cipher");
        }
        return out;
    }

    private static void xor(byte[] a, byte[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] ^= b[i];
        }
    }

    private static char[] nibbles(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes).toCharArray();
    }
}
