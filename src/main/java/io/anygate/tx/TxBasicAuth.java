package io.anygate.tx;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Adds TX's Basic authentication to every call, the ping included. The header is built once from
 * {@link TxConfig}; the password itself is never logged.
 */
@Singleton
public class TxBasicAuth implements ClientRequestFilter {

    @Inject
    TxConfig config;

    private volatile String header;

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, header());
    }

    private String header() {
        String h = header;
        if (h == null) {
            String pair = config.username() + ":" + config.password();
            h = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            header = h;
        }
        return h;
    }
}
