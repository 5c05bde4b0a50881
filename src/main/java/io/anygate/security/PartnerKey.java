package io.anygate.security;

import java.security.PublicKey;

/**
 * One RSA public key of a partner, parsed once when the registry is loaded. The fingerprint (SHA-256 of the
 * DER SubjectPublicKeyInfo, hex) names the key in the replay store so that removing a key drops its rows.
 */
public record PartnerKey(String fingerprint, PublicKey publicKey) {
}
