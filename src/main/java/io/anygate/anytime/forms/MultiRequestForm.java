package io.anygate.anytime.forms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /v1.0/multi-request} (SDK only). The SDK posts {@code requests} as a PHP nested form
 * ({@code http_build_query}): {@code requests[0][uri]=/v1.0/cards/ANY.../credit}, {@code requests[0][query_string]=},
 * {@code requests[0][method]=POST}, {@code requests[0][params][amount]=10} ({@code params} is left out when a
 * sub-request has none). Sub-requests are answered in the order of their index, each with its own status and
 * Anytime envelope. Only the form itself is checked here: a uri the gateway cannot serve is answered in its slot.
 */
public final class MultiRequestForm {

    /** The most sub-requests one batch may carry. */
    public static final int MAX_REQUESTS = 20;

    private static final Pattern KEY = Pattern.compile(
            "requests\\[(\\d{1,3})](?:\\[(uri|method|query_string)]|\\[params]\\[([^\\[\\]]+)])");

    private MultiRequestForm() {
    }

    /** One sub-request; {@code params} sorted by name. */
    public record SubRequest(String method, String uri, String queryString, Map<String, String> params) {
    }

    /**
     * Parses the flattened form. The batch is refused as a whole, with the reader's invalid-parameter error naming
     * the entry, when it has no sub-request, more than {@value #MAX_REQUESTS}, or a method other than GET, POST or
     * PUT; other keys are ignored.
     */
    public static List<SubRequest> parse(Map<String, String> form, FormReader errors) {
        TreeMap<Integer, Map<String, String>> fields = new TreeMap<>();
        Map<Integer, Map<String, String>> params = new HashMap<>();
        for (Map.Entry<String, String> e : form.entrySet()) {
            Matcher m = KEY.matcher(e.getKey());
            if (!m.matches()) {
                continue;
            }
            int index = Integer.parseInt(m.group(1));
            Map<String, String> own = fields.computeIfAbsent(index, i -> new HashMap<>());
            if (m.group(2) != null) {
                own.put(m.group(2), e.getValue());
            } else {
                params.computeIfAbsent(index, i -> new TreeMap<>()).put(m.group(3), e.getValue());
            }
        }
        if (fields.isEmpty()) {
            throw errors.invalid("requests", "is required");
        }
        if (fields.size() > MAX_REQUESTS) {
            throw errors.invalid("requests", "at most " + MAX_REQUESTS + " sub-requests");
        }
        List<SubRequest> out = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, String>> e : fields.entrySet()) {
            Map<String, String> f = e.getValue();
            String method = f.getOrDefault("method", "").trim().toUpperCase(Locale.ROOT);
            if (!method.equals("GET") && !method.equals("POST") && !method.equals("PUT")) {
                throw errors.invalid("requests[" + e.getKey() + "][method]", "must be GET, POST or PUT");
            }
            out.add(new SubRequest(method, f.getOrDefault("uri", "").trim(), f.getOrDefault("query_string", ""),
                    Collections.unmodifiableMap(params.getOrDefault(e.getKey(), new TreeMap<>()))));
        }
        return out;
    }
}
