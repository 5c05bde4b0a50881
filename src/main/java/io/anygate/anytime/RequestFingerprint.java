package io.anygate.anytime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

/**
 * What makes two requests "the same" for an Idempotency-Key: SHA-256 over the method, the route template, the
 * path and query parameters and the form parameters, each sorted by name (values in the order sent; an uploaded
 * file counts by name and content). Authentication headers are not part of it: a retry is signed anew.
 */
final class RequestFingerprint {

    private final MessageDigest sha;

    private RequestFingerprint() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String of(String method, String route, Map<String, List<String>> pathParams,
            Map<String, List<String>> queryParams, FormData form, byte[] rawBody) throws IOException {
        RequestFingerprint f = new RequestFingerprint();
        f.field(method).field(route);
        f.params('p', pathParams).params('q', queryParams);
        if (form != null) {
            Map<String, List<FormValue>> sorted = new TreeMap<>();
            for (String name : form) {
                sorted.put(name, List.copyOf(form.get(name)));
            }
            for (Map.Entry<String, List<FormValue>> e : sorted.entrySet()) {
                for (FormValue v : e.getValue()) {
                    f.field("f").field(e.getKey());
                    if (v.isFileItem()) {
                        f.field(v.getFileName() == null ? "" : v.getFileName());
                        try (InputStream in = v.getFileItem().getInputStream()) {
                            f.bytes(in.readAllBytes());
                        }
                    } else {
                        f.field(v.getValue() == null ? "" : v.getValue());
                    }
                }
            }
        } else if (rawBody != null) {
            f.field("b").bytes(rawBody);
        }
        return HexFormat.of().formatHex(f.sha.digest());
    }

    private RequestFingerprint params(char kind, Map<String, List<String>> params) {
        for (Map.Entry<String, List<String>> e : new TreeMap<>(params).entrySet()) {
            for (String v : e.getValue()) {
                field(String.valueOf(kind)).field(e.getKey()).field(v);
            }
        }
        return this;
    }

    private RequestFingerprint field(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    // length-prefixed, so that ("ab","c") and ("a","bc") never hash alike
    private RequestFingerprint bytes(byte[] data) {
        sha.update(Integer.toString(data.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(data);
        return this;
    }
}
