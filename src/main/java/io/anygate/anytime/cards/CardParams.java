package io.anygate.anytime.cards;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.forms.FormReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The parameters of a card call (form body and query string together) and their fingerprint. */
final class CardParams {

    private CardParams() {
    }

    /** A reader answering 4000310 over the form fields, then the query parameters. */
    static FormReader reader(Map<String, List<String>> form, Map<String, List<String>> query) {
        Map<String, List<String>> all = new TreeMap<>();
        if (query != null) {
            all.putAll(query);
        }
        if (form != null) {
            all.putAll(form);
        }
        return FormReader.ofMulti(all, AnytimeError.CARD_INVALID_PARAMETER);
    }

    /** SHA-256 over the sorted parameters: a reused Idempotency-Key with other parameters is caught. */
    static String fingerprint(String route, Map<String, List<String>> form) {
        StringBuilder sb = new StringBuilder(route);
        new TreeMap<>(form == null ? Map.<String, List<String>>of() : form)
                .forEach((k, v) -> sb.append('\u0000').append(k).append('=').append(String.join("\u0001", v)));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
