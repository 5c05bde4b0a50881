package io.anygate.domain.card;

/**
 * One message to a cardholder. Its body holds a card secret (a PIN, or PAN, expiry and CVV): {@code toString} hides
 * it; never log it.
 *
 * @param address a mobile number (digits only, international) or an email address, as {@code channel} needs
 */
public record CardholderMessage(Channel channel, String address, String subject, String body) {

    /** How the message reaches the cardholder. */
    public enum Channel {
        SMS, EMAIL;

        /** The Anytime {@code dest_method} value. */
        public String anytimeName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return "CardholderMessage[" + channel + " to " + masked(address) + ", ***]";
    }

    /** The address for an audit line: its last characters only. */
    public static String masked(String address) {
        if (address == null) {
            return "";
        }
        int at = address.indexOf('@');
        if (at > 0) {
            return address.charAt(0) + "***" + address.substring(at);
        }
        return address.length() <= 4 ? "***" : "***" + address.substring(address.length() - 4);
    }
}
