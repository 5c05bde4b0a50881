package io.anygate.anytime.accounts;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.anytime.forms.FormReader;
import io.anygate.domain.AccountId;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What every account route reads the same way: the parameters, the path id, the Idempotency-Key. */
final class AccountRequests {

    private static final int MAX_KEY_LENGTH = 128;

    private AccountRequests() {
    }

    /** Query and form parameters (the form wins), read with the account error 4000210. */
    static FormReader reader(UriInfo uri, MultivaluedMap<String, String> form) {
        return FormReader.ofMulti(merged(uri, form), AnytimeError.ACCOUNT_INVALID_PARAMETER);
    }

    /** The {@code {id}} of a path; malformed is 4000210 (a well-formed id that is not the partner's: 4030210). */
    static AccountId accountId(String text) {
        return AccountId.parse(text).orElseThrow(() -> new AnytimeException(AnytimeError.ACCOUNT_INVALID_PARAMETER,
                "id: must be an account id (a positive integer)"));
    }

    /** The Idempotency-Key header: blank is absent; longer than 128 characters or with control characters: 4000210. */
    static String key(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String k = header.trim();
        if (k.length() > MAX_KEY_LENGTH || k.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new AnytimeException(AnytimeError.ACCOUNT_INVALID_PARAMETER,
                    "Idempotency-Key: at most " + MAX_KEY_LENGTH + " printable characters");
        }
        return k;
    }

    /** SHA-256 of the sorted parameters: a reused Idempotency-Key with other parameters is caught by it. */
    static String fingerprint(UriInfo uri, MultivaluedMap<String, String> form) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(merged(uri, form)).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> merged(UriInfo uri, MultivaluedMap<String, String> form) {
        Map<String, List<String>> all = new TreeMap<>();
        if (uri != null) {
            all.putAll(uri.getQueryParameters());
        }
        if (form != null) {
            all.putAll(form);
        }
        return all;
    }
}
