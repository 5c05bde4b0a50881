package io.anygate.anytime;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Size limits of a request's head, answered by {@link EdgeLimits} in the Anytime envelope (414, 431). The HTTP
 * codec's own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set well
 * above these, so that a request over them is still read and refused in the envelope instead of by the codec.
 */
@ConfigMapping(prefix = "gateway.edge")
public interface EdgeLimitsConfig {

    /** Longest request target (path and query string) accepted, in characters. */
    @WithDefault("4096")
    int maxUrlLength();

    /** Largest total size of the request's headers (names, values and separators) accepted. */
    @WithDefault("20K")
    MemorySize maxHeaderSize();
}
