package io.anygate.anytime.cards;

import io.anygate.anytime.forms.FormReader;
import io.anygate.security.IpRange;
import java.net.InetAddress;
import io.anygate.domain.card.CardholderMessage;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The parameters of the PIN/PAN services. A CVC is a secret: messages never echo a value. */
public final class CardServiceForms {

    private static final Pattern CVC = Pattern.compile("\\d{3}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE = Pattern.compile("\\d{6,15}");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private CardServiceForms() {
    }

    /** {@code GET /v1.0/cards/{card_ref}/pin}: {@code cvc}, three digits. */
    public static String cvc(FormReader f) {
        String v = f.required("cvc");
        if (!CVC.matcher(v).matches()) {
            throw f.invalid("cvc", "must be 3 digits");
        }
        return v;
    }

    /** Where {@code POST /v1.0/cards/{card_ref}/pan} sends the card details. */
    public record Destination(CardholderMessage.Channel channel, String value) {
    }

    /** {@code dest_method} (email or sms) and a {@code dest_value} valid for it. */
    public static Destination destination(FormReader f) {
        String method = f.required("dest_method").toLowerCase(Locale.ROOT);
        String value = f.required("dest_value");
        switch (method) {
            case "email" -> {
                if (!EMAIL.matcher(value).matches() || value.length() > 254) {
                    throw f.invalid("dest_value", "must be an email address when dest_method is email");
                }
            }
            case "sms" -> {
                if (!PHONE.matcher(value).matches()) {
                    throw f.invalid("dest_value", "must be an international phone number, digits only, when dest_method is sms");
                }
            }
            default -> throw f.invalid("dest_method", "must be email or sms");
        }
        return new Destination(method.equals("sms") ? CardholderMessage.Channel.SMS : CardholderMessage.Channel.EMAIL,
                value);
    }

    /**
     * {@code POST /v1.0/cards/{card_ref}/details-display}: {@code ip}, an IPv4 or IPv6 address (a literal: no host
     * name, no range, no zone).
     */
    public static InetAddress ip(FormReader f) {
        String v = f.required("ip");
        boolean v6 = v.contains(":") && IPV6.matcher(v).matches();
        Optional<InetAddress> address = IPV4.matcher(v).matches() || v6 ? IpRange.literal(v) : Optional.empty();
        return address.orElseThrow(() -> f.invalid("ip", "must be an IPv4 or IPv6 address"));
    }
}
