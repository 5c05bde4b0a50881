package io.anygate.anytime;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Size limits of a request, answered by {@link EdgeLimits} in the Anytime envelope (414, 431, 413). The HTTP
 * codec's own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set well
 * above these, so that a request over them is still read and refused in the envelope instead of by the codec;
 * {@code quarkus.http.limits.max-body-size} is the largest body of any route (the KYC upload's).
 */
@ConfigMapping(prefix = "gateway.edge")
public interface EdgeLimitsConfig {

    /** Longest request target (path and query string) accepted, in characters. */
    @WithDefault("4096")
    int maxUrlLength();

    /** Largest total size of the request's headers (names, values and separators) accepted. */
    @WithDefault("20K")
    MemorySize maxHeaderSize();

    /**
     * Largest request body accepted on every route but the KYC upload ({@code POST /v1.0/accounts/{id}/kyc}), which
     * has {@code gateway.kyc.max-request-size}.
     */
    @WithDefault("1M")
    MemorySize maxBodySize();
}
