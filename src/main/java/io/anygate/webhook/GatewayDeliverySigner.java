package io.anygate.webhook;

import io.anygate.security.GatewaySigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Signs webhook deliveries with the gateway's own key, the one that signs every API answer: partners verify both
 * with the public key at {@code GET /.well-known/gateway-signing-key}.
 */
@ApplicationScoped
public class GatewayDeliverySigner implements DeliverySigner {

    @Inject
    GatewaySigner signer;

    @Override
    public String sign(byte[] body) {
        return signer.sign(body);
    }
}
