package io.anygate.security;

import io.anygate.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.jboss.logging.Logger;

/**
 * The gateway's own signature on every answer and webhook: Ed25519 over the exact body bytes, base64, sent as
 * {@value #HEADER}. Unlike the Anytime hash (which anyone can compute) it proves origin. The public key is served
 * at {@code GET /.well-known/gateway-signing-key}. Key: {@code gateway.security.signing-key-file} (PKCS#8 PEM),
 * required in production; generated once and kept in {@code ${gateway.data-dir}/sandbox/} in sandbox mode.
 */
@ApplicationScoped
public class GatewaySigner {

    public static final String HEADER = "X-Gateway-Signature";
    private static final Logger LOG = Logger.getLogger(GatewaySigner.class);

    private final Ed25519PrivateKeyParameters privateKey;
    private final String publicKeyPem;

    @Inject
    GatewaySigner(SecurityConfig config, GatewayConfig gateway) {
        try {
            Path file;
            if (config.signingKeyFile().isPresent()) {
                file = Path.of(config.signingKeyFile().get());
            } else if (gateway.sandbox()) {
                file = Path.of(gateway.dataDir(), "sandbox", "gateway-signing-key.pem");
                if (!Files.exists(file)) {
                    Files.createDirectories(file.getParent());
                    Ed25519PrivateKeyParameters generated = new Ed25519PrivateKeyParameters(new SecureRandom());
                    SandboxOnboarding.writeOwnerOnly(file, pem("PRIVATE KEY",
                            PrivateKeyInfoFactory.createPrivateKeyInfo(generated).getEncoded()));
                }
            } else {
                throw new IllegalStateException("gateway.security.signing-key-file is required in production mode");
            }
            privateKey = read(file);
            Ed25519PublicKeyParameters publicKey = privateKey.generatePublicKey();
            publicKeyPem = pem("PUBLIC KEY", SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded());
            LOG.infof("Gateway signing key loaded from %s", file.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the gateway signing key: " + e.getMessage(), e);
        }
    }

    /** Base64 Ed25519 signature of these exact bytes: the value of {@value #HEADER}. */
    public String sign(byte[] body) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(body, 0, body.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }

    /** The public key that verifies {@link #sign}, as PEM ({@code BEGIN PUBLIC KEY}). */
    public String publicKeyPem() {
        return publicKeyPem;
    }

    private static Ed25519PrivateKeyParameters read(Path file) throws IOException {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file))) {
            Object parsed = parser.readObject();
            if (parsed instanceof PrivateKeyInfo info) {
                AsymmetricKeyParameter key = PrivateKeyFactory.createKey(info);
                if (key instanceof Ed25519PrivateKeyParameters ed) {
                    return ed;
                }
            }
            throw new IOException(file + " is not an unencrypted PKCS#8 Ed25519 private key"
                    + " (make one with: openssl genpkey -algorithm ed25519 -out key.pem)");
        }
    }

    private static String pem(String type, byte[] der) throws IOException {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        }
        return out.toString();
    }
}
