package io.anygate.webhook;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * A signer with an Ed25519 key generated per instance, for dispatcher tests that run without the application
 * (the application signs with {@code security.GatewaySigner} through {@code GatewayDeliverySigner}).
 */
public class EphemeralDeliverySigner implements DeliverySigner {

    private final KeyPair keys;

    public EphemeralDeliverySigner() {
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JVM", e);
        }
    }

    @Override
    public String sign(byte[] body) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.getPrivate());
            s.update(body);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a webhook body", e);
        }
    }

    /** The public key that verifies this signer's signatures. */
    public PublicKey publicKey() {
        return keys.getPublic();
    }
}
