package io.anygate.security;

import java.io.StringReader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Parses partners' RSA public keys from PEM: X.509 ({@code BEGIN PUBLIC KEY}) and PKCS#1 ({@code BEGIN RSA PUBLIC KEY}). */
final class RsaPublicKeys {

    private RsaPublicKeys() {
    }

    static PartnerKey parse(String pem) {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            parsed = parser.readObject();
        } catch (Exception e) {
            throw new IllegalArgumentException("not a readable PEM block");
        }
        if (!(parsed instanceof SubjectPublicKeyInfo info)) {
            throw new IllegalArgumentException("not a PEM public key (expected BEGIN PUBLIC KEY or BEGIN RSA PUBLIC KEY)");
        }
        PublicKey key;
        try {
            key = new JcaPEMKeyConverter().getPublicKey(info);
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable public key");
        }
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new IllegalArgumentException("not an RSA key");
        }
        if (rsa.getModulus().bitLength() < 2048) {
            throw new IllegalArgumentException("RSA key shorter than 2048 bits");
        }
        return new PartnerKey(fingerprint(key.getEncoded()), key);
    }

    static String fingerprint(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
