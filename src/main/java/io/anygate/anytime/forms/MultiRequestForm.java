package io.anygate.anytime.forms;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /v1.0/multi-request} (SDK only). The SDK posts {@code requests} as a PHP nested form:
 * {@code requests[0][uri]=/v1.0/cards/ANY.../credit}, {@code requests[0][method]=POST},
 * {@code requests[0][query_string]=...}, {@code requests[0][params][amount]=10}. Sub-requests are answered in the
 * order of their index, each with its own status and Anytime envelope.
 */
public final class MultiRequestForm {

    /** The most sub-requests one batch may carry. */
    public static final int MAX_REQUESTS = 20;

    private static final Pattern KEY = Pattern.compile("requests\\[(\\d{1,3})]\\[(uri|method|query_string|params)](?:\\[([^\\]]+)])?");
    private static final Pattern URI = Pattern.compile("/v\\d+\\.\\d+/[A-Za-z0-9/_.-]+");

    private MultiRequestForm() {
    }

    /** One sub-request. */
    public record SubRequest(String method, String uri, String queryString, Map<String, String> params) {
    }

    /** One answer of the batch: what was asked, the HTTP status and the complete Anytime envelope. */
    public record SubResponse(
            @JsonProperty("method") String method,
            @JsonProperty("uri") String uri,
            @JsonProperty("params") Map<String, String> params,
            @JsonProperty("query_string") String queryString,
            @JsonProperty("http_status_code") int httpStatusCode,
            @JsonProperty("response") Object response) {
    }

    /** The body of the batch answer. */
    public record Answer(@JsonProperty("responses") List<SubResponse> responses) {
    }

    /** Parses the flattened form; a bad entry is the reader's invalid-parameter error naming it. */
    public static List<SubRequest> parse(Map<String, String> form, FormReader errors) {
        TreeMap<Integer, Map<String, String>> fields = new TreeMap<>();
        TreeMap<Integer, Map<String, String>> params = new TreeMap<>();
        for (Map.Entry<String, String> e : form.entrySet()) {
            Matcher m = KEY.matcher(e.getKey());
            if (!m.matches()) {
                continue;
            }
            int index = Integer.parseInt(m.group(1));
            if ("params".equals(m.group(2))) {
                if (m.group(3) != null) {
                    params.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(m.group(3), e.getValue());
                }
            } else {
                fields.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(m.group(2), e.getValue());
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
            String name = "requests[" + e.getKey() + "]";
            Map<String, String> f = e.getValue();
            String method = f.getOrDefault("method", "").trim().toUpperCase(Locale.ROOT);
            if (!method.equals("GET") && !method.equals("POST") && !method.equals("PUT")) {
                throw errors.invalid(name + "[method]", "must be GET, POST or PUT");
            }
            String uri = f.getOrDefault("uri", "").trim();
            if (!URI.matcher(uri).matches() || uri.contains("..") || uri.contains("multi-request")) {
                throw errors.invalid(name + "[uri]", "must be a versioned API path such as /v1.0/accounts");
            }
            out.add(new SubRequest(method, uri, f.getOrDefault("query_string", ""),
                    Map.copyOf(params.getOrDefault(e.getKey(), Map.of()))));
        }
        return out;
    }
}
