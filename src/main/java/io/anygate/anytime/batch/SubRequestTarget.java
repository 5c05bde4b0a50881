package io.anygate.anytime.batch;

import io.anygate.anytime.forms.MultiRequestForm.SubRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A sub-request as it is sent to the gateway's own listener: method, raw path, path with query, and the form body
 * of a POST or PUT (its {@code params}, form-encoded as the SDK sends them on a direct call). The params of a GET
 * join its query string, where a direct GET carries its parameters.
 *
 * <p>Only a versioned API path ({@code /v<version>/segment/...}, letters, digits and {@code _.~-}, no {@code .} or
 * {@code ..} segment) is sent: anything else ({@code /oauth/v2/token}, operations, the simulator, a query or an
 * escape in the uri) is no route a batch can reach. The query string is sent as given, with the characters a URI
 * may not carry percent-encoded.
 */
record SubRequestTarget(String method, String path, String uri, byte[] body) {

    private static final Pattern PATH = Pattern.compile("/v[A-Za-z0-9._-]{1,20}(?:/[A-Za-z0-9_.~-]+)+/?");
    private static final Pattern DOT_SEGMENT = Pattern.compile("/\\.{1,2}(?:/|$)");
    private static final String QUERY_CHARS = "-._~!$&'()*+,;=:@/?";

    /** Empty when the uri is no versioned API path. */
    static Optional<SubRequestTarget> of(SubRequest sub) {
        String path = sub.uri();
        if (!PATH.matcher(path).matches() || DOT_SEGMENT.matcher(path).find()) {
            return Optional.empty();
        }
        String query = query(sub.queryString());
        String params = form(sub.params());
        byte[] body = null;
        if (sub.method().equals("GET")) {
            query = query.isEmpty() || params.isEmpty() ? query + params : query + "&" + params;
        } else {
            body = params.getBytes(StandardCharsets.US_ASCII);
        }
        return Optional.of(new SubRequestTarget(sub.method(), path, query.isEmpty() ? path : path + "?" + query, body));
    }

    /** True for the methods that write (the only ones an Idempotency-Key applies to). */
    boolean writes() {
        return !method.equals("GET");
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** The query as given (a leading {@code ?} dropped), every character a URI query may not hold percent-encoded. */
    static String query(String raw) {
        String q = raw == null ? "" : raw.startsWith("?") ? raw.substring(1) : raw;
        StringBuilder out = new StringBuilder(q.length());
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || QUERY_CHARS.indexOf(c) >= 0 || escape(q, i))) {
                out.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < q.length() ? i + 2 : i + 1;
                for (byte b : q.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xFF));
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    // a '%' that starts a valid escape stays as it is
    private static boolean escape(String q, int i) {
        return q.charAt(i) == '%' && i + 2 < q.length() && isHex(q.charAt(i + 1)) && isHex(q.charAt(i + 2));
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }
}
