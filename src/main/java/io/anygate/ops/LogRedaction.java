package io.anygate.ops;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iban4j.IbanUtil;

/**
 * Last line of defence for the logs: masks whatever looks like a card number (13 to 19 digits, optionally
 * grouped by single spaces or dashes, passing the Luhn check) down to its first 6 and last 4 digits, masks an IBAN
 * (compact or grouped by single spaces, valid for iban4j) the same way, and replaces the credential of a
 * {@code Bearer} authorization. Code must still never log these; this only
 * limits the damage when it does by mistake.
 */
public final class LogRedaction {

    // A digit run with optional single separators; boundaries keep us from cutting a longer number in two.
    private static final Pattern PAN_CANDIDATE = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d])");
    // Country, check digits, then 11 to 30 letters or digits (every BBAN is within), optionally grouped by spaces.
    private static final Pattern IBAN_CANDIDATE =
            Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)(\\s+)[A-Za-z0-9\\-._~+/]+=*");
    // Our own identifiers are long numbers too: an access line's request_id is never a card number.
    private static final Pattern EXEMPT_PREFIX = Pattern.compile("(?:request_id[=:]\\s*\"?)$");

    private LogRedaction() {
    }

    /** The message with card numbers and bearer tokens masked; the same instance when nothing matched. */
    public static String mask(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        String out = maskPans(maskIbans(message));
        Matcher bearer = BEARER.matcher(out);
        return bearer.find() ? bearer.replaceAll("$1$2***") : out;
    }

    private static String maskPans(String message) {
        Matcher m = PAN_CANDIDATE.matcher(message);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String digits = m.group().replaceAll("[ -]", "");
            if (digits.length() < 13 || digits.length() > 19 || !luhn(digits) || exempt(message, m.start())) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(message.length());
            }
            out.append(message, last, m.start())
                    .append(digits, 0, 6)
                    .append("*".repeat(digits.length() - 10))
                    .append(digits, digits.length() - 4, digits.length());
            last = m.end();
        }
        if (out == null) {
            return message;
        }
        return out.append(message, last, message.length()).toString();
    }

    private static String maskIbans(String message) {
        Matcher m = IBAN_CANDIDATE.matcher(message);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String iban = m.group().replace(" ", "");
            if (!IbanUtil.isValid(iban)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(message.length());
            }
            out.append(message, last, m.start()).append(iban, 0, 6).append("*".repeat(iban.length() - 10))
                    .append(iban, iban.length() - 4, iban.length());
            last = m.end();
        }
        return out == null ? message : out.append(message, last, message.length()).toString();
    }

    private static boolean exempt(String message, int start) {
        int from = Math.max(0, start - 16);
        return EXEMPT_PREFIX.matcher(message.substring(from, start)).find();
    }

    /** The Luhn (mod 10) check that every card number passes. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
