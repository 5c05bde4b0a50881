package io.anygate.ops;

import io.anygate.anytime.EdgeLimits;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps caller-chosen text out of the HTTP server metrics' labels: a request method outside the standard ones
 * (HTTP allows any token) is labelled {@code OTHER}. The {@code uri} label is the route template or
 * {@code unmatched} ({@link EdgeLimits}).
 */
public class HttpMetricLabels {

    private static final String UNMATCHED_PATH = "/" + EdgeLimits.UNMATCHED;
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE",
            "CONNECT");

    @Produces
    @Singleton
    MeterFilter standardMethodsOnly() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith("http.server")) {
                    return id;
                }
                String method = id.getTag("method");
                String uri = id.getTag("uri");
                boolean otherMethod = method != null && !METHODS.contains(method);
                // Quarkus puts a slash before every template, the fixed label included
                boolean unmatched = UNMATCHED_PATH.equals(uri);
                if (!otherMethod && !unmatched) {
                    return id;
                }
                return id.replaceTags(id.getTags().stream()
                        .map(t -> otherMethod && t.getKey().equals("method") ? Tag.of("method", "OTHER")
                                : unmatched && t.getKey().equals("uri") ? Tag.of("uri", EdgeLimits.UNMATCHED) : t)
                        .collect(Collectors.toList()));
            }
        };
    }
}
