package io.anygate.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;

/**
 * Verifies X-Signed-Request: base64 of SHA1withRSA over the X-Validation-Data bytes, as Anytime and its PHP SDK
 * ({@code openssl_sign} default algorithm) do. Tries every key of the partner (rotation).
 */
@ApplicationScoped
public class SignatureVerifier {

    @Inject
    SecurityConfig config;

    /** The key that verified the signature; throws BadRsaSignatureException (4010070) otherwise. */
    public PartnerKey verify(Partner partner, String validationData, String signedRequest) {
        if (validationData == null || validationData.isEmpty() || signedRequest == null || signedRequest.isEmpty()) {
            throw bad("X-Validation-Data and X-Signed-Request are required");
        }
        if (validationData.length() > config.maxValidationDataLength()) {
            throw bad("X-Validation-Data is too long");
        }
        byte[] signature;
        try {
            // RSA-4096 signatures are 684 base64 characters: anything far longer is not a signature
            signature = Base64.getDecoder().decode(signedRequest.length() > 2048 ? "!" : signedRequest.trim());
        } catch (IllegalArgumentException e) {
            throw bad("X-Signed-Request is not base64");
        }
        if (signature.length == 0) {
            throw bad("X-Signed-Request is not base64");
        }
        byte[] data = validationData.getBytes(StandardCharsets.UTF_8);
        for (PartnerKey key : partner.keys()) {
            try {
                Signature verifier = Signature.getInstance("SHA1withRSA");
                verifier.initVerify(key.publicKey());
                verifier.update(data);
                if (verifier.verify(signature)) {
                    return key;
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                // a malformed signature for this key: try the next one
            }
        }
        throw bad("Bad RSA signature");
    }

    private static EdgeRefusal bad(String message) {
        return new EdgeRefusal(EdgeRefusal.Reason.BAD_SIGNATURE, message);
    }
}
