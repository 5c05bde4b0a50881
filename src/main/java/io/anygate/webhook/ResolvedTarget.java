package io.anygate.webhook;

import java.net.InetAddress;

/**
 * A webhook URL after validation: connect to {@code address} (already checked), while sending {@code host} as the
 * Host header and TLS server name, so that a second DNS answer can never redirect the delivery.
 */
public record ResolvedTarget(String url, boolean https, String host, int port, String pathAndQuery,
        InetAddress address) {
}
