package io.anygate.tx;

import java.util.Base64;

/**
 * Reads the PIN out of an ISO 9564 format 0 PIN block (what {@code GET /tx/v1/card/pin} answers, base64): the
 * block is the PIN field ({@code 0}, length, digits, {@code F} padding) XOR the PAN field ({@code 0000} and the 12
 * rightmost PAN digits without the check digit). Never log its input or output.
 */
final class TxPinBlock {

    private TxPinBlock() {
    }

    static String pin(String base64Block, String pan) {
        byte[] block = Base64.getDecoder().decode(base64Block);
        if (block.length != 8 || pan == null || pan.length() < 13) {
            throw new TxInvalidRequestException("TX: unreadable PIN block");
        }
        String account = pan.substring(pan.length() - 13, pan.length() - 1);
        byte[] panField = new byte[8];
        for (int i = 0; i < 6; i++) {
            panField[2 + i] = (byte) Integer.parseInt(account.substring(2 * i, 2 * i + 2), 16);
        }
        StringBuilder nibbles = new StringBuilder(16);
        for (int i = 0; i < 8; i++) {
            nibbles.append(String.format("%02X", (block[i] ^ panField[i]) & 0xFF));
        }
        int length = Character.digit(nibbles.charAt(1), 16);
        if (nibbles.charAt(0) != '0' || length < 4 || length > 12) {
            throw new TxInvalidRequestException("TX: unreadable PIN block");
        }
        return nibbles.substring(2, 2 + length);
    }
}
