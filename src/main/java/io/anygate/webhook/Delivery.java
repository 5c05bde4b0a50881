package io.anygate.webhook;

import java.util.Map;

/** One delivery attempt as a transport sends it: target, headers, and the exact body bytes that were signed. */
public record Delivery(String eventId, String partnerId, String url, boolean allowPrivateTargets,
        Map<String, String> headers, byte[] body) {
}
