package io.anygate.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Reading TX's encrypted PIN blocks. The blocks are built here independently of the reader: format 0 by the ISO
 * 9564-1 formula enciphered with the JDK's DESede, format 4 from public known-answer vectors.
 */
class TxPinBlockTest {

    static final HexFormat HEX = HexFormat.of();
    static final String TDES_KEY = "0123456789ABCDEFFEDCBA9876543210";
    static final String OTHER_TDES_KEY = "FEDCBA98765432100123456789ABCDEF";
    // public format 4 known-answer vectors (key, PIN, PAN, block)
    static final String AES_KEY = "00112233445566778899AABBCCDDEEFF";

    static byte[] key(TxPinBlock.Format f, String hex) {
        return TxPinBlock.key(f, hex);
    }

    /** Format 0 by the standard's formula: PIN field XOR PAN field, TDES-ECB under {@code keyHex} (JDK cipher). */
    static String format0(String clearHex, String keyHex) throws Exception {
        byte[] k = HEX.parseHex(keyHex);
        byte[] k24 = new byte[24];
        System.arraycopy(k, 0, k24, 0, 16);
        System.arraycopy(k, 0, k24, 16, 8); // two-key TDES: K1 K2 K1
        Cipher c = Cipher.getInstance("DESede/ECB/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k24, "DESede"));
        return Base64.getEncoder().encodeToString(c.doFinal(HEX.parseHex(clearHex)));
    }

    static String pin0(String block, String pan, String keyHex) {
        return TxPinBlock.pin(block, pan, TxPinBlock.Format.ISO_0, key(TxPinBlock.Format.ISO_0, keyHex));
    }

    static String pin4(String hexBlock, String pan, String keyHex) {
        return TxPinBlock.pin(Base64.getEncoder().encodeToString(HEX.parseHex(hexBlock)), pan, TxPinBlock.Format.ISO_4,
                key(TxPinBlock.Format.ISO_4, keyHex));
    }

    @Test
    void format0KnownAnswer() throws Exception {
        // PIN 1234, PAN 4111111111111111: PIN field 041234FFFFFFFFFF XOR PAN field 0000111111111111
        String block = format0("041225EEEEEEEEEE", TDES_KEY);
        assertEquals("1234", pin0(block, "4111111111111111", TDES_KEY));
        // a 12-digit PIN (F fill in the last two nibbles only); PAN field of 7777770123456789: 0000777012345678
        String twelve = format0(xorHex("0C123456789012FF", "0000777012345678"), TDES_KEY);
        assertEquals("123456789012", pin0(twelve, "7777770123456789", TDES_KEY));
    }

    @Test
    void format4PublicKnownAnswers() {
        assertEquals("1234", pin4("28B41FDDD29B743E93124BD8E32D921E", "1234567890123456789", AES_KEY));
        assertEquals("1234", pin4("52DB178C6EDCE52E3A70F7FBC8E9C758", "1234567890123456", AES_KEY));
        assertEquals("123456", pin4("847A0209C659E4C4A79CA6A2A2217D31", "123456789012345678", AES_KEY));
        assertEquals("12345678", pin4("018BFEC8B5EF60181A327AD8325A2BA4", "1234567890123456789", AES_KEY));
    }

    @Test
    void aWrongKeyIsAnErrorNeverAPin() throws Exception {
        // every 4-digit PIN under the sandbox key, read under another key: not one yields a PIN
        String pan = "7777770123456789";
        int read = 0;
        for (int p = 0; p < 10_000; p += 7) {
            String pin = String.format("%04d", p);
            String clear = xorHex("04" + pin + "FFFFFFFFFF", "0000777012345678");
            String block = format0(clear, TDES_KEY);
            assertEquals(pin, pin0(block, pan, TDES_KEY));
            try {
                pin0(block, pan, OTHER_TDES_KEY);
                read++;
            } catch (TxPinBlock.Unreadable expected) {
                assertFalse(expected.getMessage().contains(pin));
            }
        }
        assertEquals(0, read, "blocks read as a PIN under the wrong key");
        assertThrows(TxPinBlock.Unreadable.class,
                () -> pin4("28B41FDDD29B743E93124BD8E32D921E", "1234567890123456789", "FF112233445566778899AABBCCDDEEFF"));
    }

    @Test
    void anotherCardsPanIsAnError() throws Exception {
        String block = format0(xorHex("041234FFFFFFFFFF", "0000111111111111"), TDES_KEY);
        assertThrows(TxPinBlock.Unreadable.class, () -> pin0(block, "4222222222222222", TDES_KEY));
        assertThrows(TxPinBlock.Unreadable.class,
                () -> pin4("28B41FDDD29B743E93124BD8E32D921E", "1234567890123456788", AES_KEY));
    }

    @Test
    void aCorruptBlockIsAnError() throws Exception {
        String good = format0(xorHex("041234FFFFFFFFFF", "0000111111111111"), TDES_KEY);
        byte[] bytes = Base64.getDecoder().decode(good);
        for (int i = 0; i < bytes.length; i++) {
            byte[] bad = bytes.clone();
            bad[i] ^= 0x01;
            String corrupt = Base64.getEncoder().encodeToString(bad);
            assertThrows(TxPinBlock.Unreadable.class, () -> pin0(corrupt, "4111111111111111", TDES_KEY));
        }
        assertThrows(TxPinBlock.Unreadable.class, () -> pin0("not base64!", "4111111111111111", TDES_KEY));
        assertThrows(TxPinBlock.Unreadable.class,
                () -> pin0(good.substring(0, 8), "4111111111111111", TDES_KEY), "a short block");
        // the clear block of the old reading (an unencrypted format 0 block) is refused, not read
        String clearOnly = Base64.getEncoder().encodeToString(HEX.parseHex(xorHex("041234FFFFFFFFFF", "0000111111111111")));
        assertThrows(TxPinBlock.Unreadable.class, () -> pin0(clearOnly, "4111111111111111", TDES_KEY));
        // a format 4 block read as format 0 is the wrong length
        assertThrows(TxPinBlock.Unreadable.class, () -> TxPinBlock.pin(
                Base64.getEncoder().encodeToString(HEX.parseHex("28B41FDDD29B743E93124BD8E32D921E")),
                "1234567890123456789", TxPinBlock.Format.ISO_0, key(TxPinBlock.Format.ISO_0, TDES_KEY)));
    }

    @Test
    void structureChecks() throws Exception {
        String pan = "4111111111111111";
        String panField = "0000111111111111";
        // control nibble 1, PIN length 3 and 13, a non-digit, a fill that is not F
        for (String clear : new String[] {"141234FFFFFFFFFF", "03123FFFFFFFFFFF", "0D1234567890123F",
                "04123AFFFFFFFFFF", "041234FFFFFFFFFE"}) {
            String block = format0(xorHex(clear, panField), TDES_KEY);
            assertThrows(TxPinBlock.Unreadable.class, () -> pin0(block, pan, TDES_KEY), clear);
        }
    }

    @Test
    void keySettingsAreCheckedWithoutQuotingThem() {
        IllegalArgumentException notHex = assertThrows(IllegalArgumentException.class,
                () -> TxPinBlock.key(TxPinBlock.Format.ISO_0, "secret-not-hex"));
        assertFalse(notHex.getMessage().contains("secret"));
        assertThrows(IllegalArgumentException.class,
                () -> TxPinBlock.key(TxPinBlock.Format.ISO_0, "00112233445566778899AABBCCDDEEFF0011223344556677889900"));
        assertThrows(IllegalArgumentException.class, () -> TxPinBlock.key(TxPinBlock.Format.ISO_4, "0011223344556677"));
        assertEquals(32, TxPinBlock.key(TxPinBlock.Format.ISO_4, "00".repeat(32)).length);
        assertEquals(TxPinBlock.Format.ISO_4, TxPinBlock.Format.parse("iso-4"));
        assertEquals(TxPinBlock.Format.ISO_0, TxPinBlock.Format.parse("ISO_0"));
        assertThrows(IllegalArgumentException.class, () -> TxPinBlock.Format.parse("iso-1"));
    }

    static String xorHex(String a, String b) {
        byte[] x = HEX.parseHex(a);
        byte[] y = HEX.parseHex(b);
        for (int i = 0; i < x.length; i++) {
            x[i] ^= y[i];
        }
        return HEX.formatHex(x);
    }
}
