package io.anygate.security;

import io.anygate.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.jboss.logging.Logger;

/**
 * Sandbox onboarding: on the first start in sandbox mode, provisions a partner whose credentials go to
 * {@code ${gateway.data-dir}/sandbox/credentials.properties} and whose RSA private key goes to
 * {@code private-key.pem} (mode 0600). Later starts reuse them. Only loopback addresses are allowed.
 */
@ApplicationScoped
public class SandboxOnboarding {

    private static final Logger LOG = Logger.getLogger(SandboxOnboarding.class);
    /** The provisioned sandbox partner's id. */
    public static final String PARTNER_ID = "sandbox";

    @Inject
    GatewayConfig gateway;
    @Inject
    io.anygate.domain.kyc.KycConfig kyc;

    /** The sandbox partner, provisioning its files first if needed. */
    public Partner partner() {
        Path dir = Path.of(gateway.dataDir(), "sandbox");
        Path credentials = dir.resolve("credentials.properties");
        Path keyFile = dir.resolve("private-key.pem");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(credentials) || !Files.exists(keyFile)) {
                provision(credentials, keyFile);
            }
            Properties props = new Properties();
            try (Reader in = Files.newBufferedReader(credentials)) {
                props.load(in);
            }
            PrivateKey key = readPrivateKey(Files.readString(keyFile));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
            var publicKey = java.security.KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            LOG.infof("Sandbox partner '%s': credentials in %s, RSA private key in %s",
                    props.getProperty("username"), credentials.toAbsolutePath(), keyFile.toAbsolutePath());
            return new Partner(PARTNER_ID, props.getProperty("client_id"),
                    Secrets.bcrypt(props.getProperty("client_secret"), 10), props.getProperty("username"),
                    Secrets.bcrypt(props.getProperty("password"), 10),
                    List.of(new PartnerKey(RsaPublicKeys.fingerprint(publicKey.getEncoded()), publicKey)),
                    List.of(IpRange.parse("127.0.0.0/8"), IpRange.parse("::1/128")),
                    Optional.empty(), true, limits(), Set.of());
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot provision the sandbox partner in " + dir + ": " + e.getMessage(), e);
        }
    }

    // The provisioned partner has no limits of its own; its KYC gates are gateway.kyc.sandbox.gates (none by default)
    private PartnerLimits limits() {
        Set<String> gates = kyc.sandboxGates().orElse(Set.of());
        for (String g : gates) {
            if (!PartnersFile.KYC_GATES.contains(g)) {
                throw new IllegalArgumentException("gateway.kyc.sandbox.gates: " + g + " is not a known KYC gate "
                        + PartnersFile.KYC_GATES);
            }
        }
        return new PartnerLimits(PartnerLimits.DEFAULTS.perUser(), PartnerLimits.DEFAULTS.perFunctionality(),
                PartnerLimits.DEFAULTS.load(), gates);
    }

    private void provision(Path credentials, Path keyFile) throws IOException, java.security.GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(pair.getPrivate(), null));
        }
        writeOwnerOnly(keyFile, pem.toString());
        Properties props = new Properties();
        props.setProperty("client_id", "sandbox-" + Secrets.randomToken(9));
        props.setProperty("client_secret", Secrets.randomToken(24));
        props.setProperty("username", "sandbox");
        props.setProperty("password", Secrets.randomToken(18));
        StringWriter text = new StringWriter();
        props.store(text, "Anytime gateway sandbox partner");
        writeOwnerOnly(credentials, text.toString());
    }

    static void writeOwnerOnly(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, content);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static PrivateKey readPrivateKey(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IOException("not an unencrypted PEM private key");
        }
    }
}
