package io.anygate.anytime.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The body of a multi-request answer: one entry per sub-request, in index order (what the SDK reads). */
public record MultiRequestAnswer(@JsonProperty("responses") List<SubRequestAnswer> responses) {

    /**
     * One sub-request: what was asked, its HTTP status and its complete Anytime envelope ({@code response}, written
     * as the exact bytes the sub-request answered).
     */
    public record SubRequestAnswer(
            @JsonProperty("method") String method,
            @JsonProperty("uri") String uri,
            @JsonProperty("params") Map<String, String> params,
            @JsonProperty("query_string") String queryString,
            @JsonProperty("http_status_code") int httpStatusCode,
            @JsonProperty("response") Object response) {
    }
}
