package io.anygate.ops;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request as the access log tells it. The route is the template ({@code /v1.0/cards/{card_ref}}), never
 * the raw path, so that lines group by endpoint and no identifier from a URL lands in the log.
 *
 * @param method    HTTP method
 * @param route     route template, or {@code unmatched}
 * @param status    HTTP status sent, or {@link AccessLog#CLIENT_CLOSED_REQUEST} (499) when the caller closed the
 *                  connection before the response ended
 * @param latencyMs time from the first byte read to the last byte written (to the connection's close for a 499)
 * @param partner   authenticated partner username, or null before authentication
 * @param requestId the Anytime envelope's request_id, or null when no envelope was written
 * @param txCalls   TX HTTP calls the request made
 * @param batch     for a sub-request of a multi-request, {@code <batch request_id>/<index>}; else null
 */
public record AccessLine(String method, String route, int status, long latencyMs, String partner, Long requestId,
        int txCalls, String batch) {

    /** The human-readable line (plain console); the same fields go to the JSON log through {@link #fields()}. */
    public String format() {
        return method + " " + route + " " + status + " " + latencyMs + "ms"
                + " partner=" + (partner == null ? "-" : partner)
                + " request_id=" + (requestId == null ? "-" : requestId)
                + " tx_calls=" + txCalls
                + (batch == null ? "" : " batch=" + batch);
    }

    /** Structured fields, put in the MDC for the JSON formatter. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("method", method);
        fields.put("route", route);
        fields.put("status", Integer.toString(status));
        fields.put("latency_ms", Long.toString(latencyMs));
        if (partner != null) {
            fields.put("partner", partner);
        }
        if (requestId != null) {
            fields.put("request_id", requestId.toString());
        }
        fields.put("tx_calls", Integer.toString(txCalls));
        if (batch != null) {
            fields.put("batch", batch);
        }
        return fields;
    }
}
