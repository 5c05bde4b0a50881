package io.anygate.testsupport;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** A partner of src/test/resources/partners/test-partners.json with its clear credentials and private key. */
public record TestPartner(String partnerId, String clientId, String clientSecret, String username, String password,
        PrivateKey key) {

    public static final TestPartner ALPHA = of("alpha", "alpha", "alpha-private.pem");
    public static final TestPartner BETA = of("beta", "beta", "beta-private.pem");
    public static final TestPartner GAMMA = of("gamma", "gamma", "gamma-private.pem");
    public static final TestPartner DELTA = of("delta", "delta", "delta-private.pem");
    public static final TestPartner RHO = of("rho", "delta", "delta-private.pem");
    public static final TestPartner SIGMA = of("sigma", "delta", "delta-private.pem");
    /** Has card load limits of its own (limits.load) and no webhook URL (sandbox inbox). */
    public static final TestPartner MU = of("mu", "delta", "delta-private.pem");

    static TestPartner of(String id, String secrets, String keyFile) {
        return new TestPartner(id, id + "-client", secrets + "-secret", id + "-user", secrets + "-pass",
                privateKey("/partners/keys/" + keyFile));
    }

    /** The same partner signing with another private key (rotation, or another partner's key). */
    public TestPartner withKey(String keyFile) {
        return new TestPartner(partnerId, clientId, clientSecret, username, password,
                privateKey("/partners/keys/" + keyFile));
    }

    public TestPartner withKey(PrivateKey other) {
        return new TestPartner(partnerId, clientId, clientSecret, username, password, other);
    }

    public static PrivateKey privateKey(String resource) {
        try (Reader in = new InputStreamReader(TestPartner.class.getResourceAsStream(resource), StandardCharsets.US_ASCII)) {
            return readPrivateKey(in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    public static PrivateKey readPrivateKey(Reader in) throws java.io.IOException {
        try (PEMParser parser = new PEMParser(in)) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            return converter.getPrivateKey((PrivateKeyInfo) parsed);
        }
    }
}
