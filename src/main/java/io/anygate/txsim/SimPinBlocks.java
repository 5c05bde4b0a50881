package io.anygate.txsim;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The encrypted PIN block {@code GET card/pin} answers, as TX's interface configuration would make it: ISO 9564-1
 * format 0 under a TDES key, or format 4 under an AES key ({@code gateway.txsim.pin-format}, {@code pin-key}; the
 * sandbox key by default, the one the gateway reads with). Written apart from the gateway's reader on purpose: each
 * side follows the standard, so that the simulator checks the gateway instead of mirroring it.
 */
final class SimPinBlocks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean format4;
    private final byte[] key;

    SimPinBlocks(String format, String hexKey) {
        String f = format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("iso-0") && !f.equals("iso-4")) {
            throw new IllegalArgumentException("gateway.txsim.pin-format must be iso-0 or iso-4");
        }
        this.format4 = f.equals("iso-4");
        this.key = HexFormat.of().parseHex(hexKey.trim());
        boolean fits = format4 ? key.length == 16 || key.length == 24 || key.length == 32
                : key.length == 16 || key.length == 24;
        if (!fits) {
            throw new IllegalArgumentException("gateway.txsim.pin-key does not fit " + f);
        }
    }

    /** The encrypted PIN block of {@code pin} for {@code pan}, base64. */
    String block(String pin, String pan) {
        return Base64.getEncoder().encodeToString(format4 ? format4(pin, pan) : format0(pin, pan));
    }

    private byte[] format0(String pin, String pan) {
        byte[] clear = hex("0" + Integer.toHexString(pin.length()) + pin + "F".repeat(14 - pin.length()));
        byte[] panField = hex("0000" + pan.substring(pan.length() - 13, pan.length() - 1));
        for (int i = 0; i < 8; i++) {
            clear[i] ^= panField[i];
        }
        return encipher(new DESedeEngine(), clear);
    }

    private byte[] format4(String pin, String pan) {
        StringBuilder field = new StringBuilder("4").append(Integer.toHexString(pin.length())).append(pin);
        while (field.length() < 16) {
            field.append('A');
        }
        while (field.length() < 32) {
            field.append(Integer.toHexString(RANDOM.nextInt(16)));
        }
        String panDigits = (pan.length() - 12) + pan;
        byte[] panField = hex(panDigits + "0".repeat(32 - panDigits.length()));
        byte[] a = encipher(AESEngine.newInstance(), hex(field.toString()));
        for (int i = 0; i < 16; i++) {
            a[i] ^= panField[i];
        }
        return encipher(AESEngine.newInstance(), a);
    }

    private byte[] encipher(BlockCipher cipher, byte[] in) {
        cipher.init(true, new KeyParameter(key));
        byte[] out = new byte[in.length];
        for (int off = 0; off < in.length; off += cipher.getBlockSize()) {
            cipher.processBlock(in, off, out, off);
        }
        return out;
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
