package io.anygate.tx;

import io.smallrye.config.SmallRyeConfig;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Adds TX's Basic authentication to every call, the ping included. The header is built once from
 * {@link TxConfig}; the password itself is never logged.
 */
public class TxBasicAuth implements ClientRequestFilter {

    private volatile String header;

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, header());
    }

    private String header() {
        String h = header;
        if (h == null) {
            TxConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(TxConfig.class);
            String pair = config.username() + ":" + config.password();
            h = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            header = h;
        }
        return h;
    }
}
