package io.anygate.anytime;

import io.anygate.security.GatewaySigner;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * {@code GET /.well-known/gateway-signing-key}: the Ed25519 public key (PEM) that verifies X-Gateway-Signature on
 * answers and webhooks. Public, unauthenticated, outside the envelope.
 */
@Path("/.well-known/gateway-signing-key")
public class GatewaySigningKeyResource {

    @Inject
    GatewaySigner signer;

    @GET
    @Produces("application/x-pem-file")
    public String key() {
        return signer.publicKeyPem();
    }
}
