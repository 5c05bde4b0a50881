package io.anygate.testsupport;

import static io.restassured.RestAssured.given;

import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The PIN the embedded simulator holds for a card, read as TX gives it ({@code GET card/pin}) and deciphered here
 * with the JDK's ciphers, apart from the gateway's reader: what a partner must be told. ISO 9564-1 format 0 (TDES)
 * or format 4 (AES).
 */
public final class SandboxPins {

    /** The sandbox PIN key both the simulator and the gateway use by default. */
    public static final String SANDBOX_KEY = "0123456789ABCDEFFEDCBA9876543210";

    private static final HexFormat HEX = HexFormat.of();

    private SandboxPins() {
    }

    /** The encrypted block of card {@code cardId}, base64, straight from the simulator. */
    public static String block(long cardId) {
        return given().auth().preemptive().basic("tx-sandbox", "tx-sandbox-secret").urlEncodingEnabled(true)
                .queryParam("ref[id]", cardId).get("/txsim/tx/v1/card/pin").then().statusCode(200)
                .extract().jsonPath().getString("pinBlock");
    }

    /** The card's PIN under the sandbox key, format 0. */
    public static String pin(long cardId, String pan) throws Exception {
        return format0(Base64.getDecoder().decode(block(cardId)), pan, SANDBOX_KEY);
    }

    /** Format 0: TDES-decipher, XOR the PAN field, read {@code 0 N digits F...}. */
    public static String format0(byte[] block, String pan, String keyHex) throws Exception {
        byte[] k = HEX.parseHex(keyHex);
        byte[] k24 = new byte[24];
        System.arraycopy(k, 0, k24, 0, k.length);
        if (k.length == 16) {
            System.arraycopy(k, 0, k24, 16, 8);
        }
        Cipher c = Cipher.getInstance("DESede/ECB/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k24, "DESede"));
        byte[] clear = c.doFinal(block);
        byte[] panField = HEX.parseHex("0000" + pan.substring(pan.length() - 13, pan.length() - 1));
        for (int i = 0; i < 8; i++) {
            clear[i] ^= panField[i];
        }
        String n = HEX.formatHex(clear).toUpperCase();
        int len = Character.digit(n.charAt(1), 16);
        if (n.charAt(0) != '0' || !n.substring(2 + len).chars().allMatch(ch -> ch == 'F')) {
            throw new IllegalStateException("not a format 0 block under this key");
        }
        return n.substring(2, 2 + len);
    }

    /** Format 4: AES-decipher, XOR the PAN field, AES-decipher, read {@code 4 N digits A...}. */
    public static String format4(byte[] block, String pan, String keyHex) throws Exception {
        Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(HEX.parseHex(keyHex), "AES"));
        byte[] b = c.doFinal(block);
        String panDigits = (pan.length() - 12) + pan;
        byte[] panField = HEX.parseHex(panDigits + "0".repeat(32 - panDigits.length()));
        for (int i = 0; i < 16; i++) {
            b[i] ^= panField[i];
        }
        String n = HEX.formatHex(c.doFinal(b)).toUpperCase();
        int len = Character.digit(n.charAt(1), 16);
        if (n.charAt(0) != '4' || !n.substring(2 + len, 16).chars().allMatch(ch -> ch == 'A')) {
            throw new IllegalStateException("not a format 4 block under this key");
        }
        return n.substring(2, 2 + len);
    }
}
