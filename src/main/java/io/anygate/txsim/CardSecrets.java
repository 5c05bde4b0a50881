package io.anygate.txsim;

import java.security.SecureRandom;
import java.util.Map;

/**
 * PAN, CVV2 and PIN generation for the simulator. The encrypted PIN block {@code GET card/pin} answers is
 * {@link SimPinBlocks}'.
 */
final class CardSecrets {

    /** The simulator's test BIN: no real card starts with it. */
    static final String BIN = "777777";

    private static final SecureRandom RANDOM = new SecureRandom();

    private CardSecrets() {
    }

    /** A fresh Luhn-valid 16-digit PAN not yet in {@code taken}. */
    static String newPan(Map<String, Long> taken) {
        while (true) {
            StringBuilder pan = new StringBuilder(BIN);
            while (pan.length() < 15) {
                pan.append(RANDOM.nextInt(10));
            }
            pan.append(luhnDigit(pan));
            if (!taken.containsKey(pan.toString())) {
                return pan.toString();
            }
        }
    }

    /** The check digit that makes {@code body} + digit Luhn-valid. */
    static int luhnDigit(CharSequence body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    static boolean luhnValid(String pan) {
        return luhnDigit(pan.substring(0, pan.length() - 1)) == pan.charAt(pan.length() - 1) - '0';
    }

    static String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(RANDOM.nextInt(10));
        }
        return s.toString();
    }
}
