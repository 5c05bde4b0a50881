package io.anygate.anytime.accounts;

import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.Map;

/** Small files of each accepted kind, and the multipart upload as the SDK sends it ({@code <field>.jpg}). */
final class KycFiles {

    static final byte[] JPEG = file(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 200);
    static final byte[] PNG = file(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 200);
    static final byte[] PDF = file("%PDF-1.4\n".getBytes(), 200);
    static final byte[] GIF = file("GIF89a".getBytes(), 200);
    static final byte[] TEXT = file("hello, this is not a document".getBytes(), 50);

    private KycFiles() {
    }

    static byte[] file(byte[] magic, int size) {
        byte[] out = Arrays.copyOf(magic, Math.max(size, magic.length));
        for (int i = magic.length; i < out.length; i++) {
            out[i] = (byte) ('a' + i % 26);
        }
        return out;
    }

    /** Every file of {@code files} as a part named {@code <field>.jpg}, as the SDK names them. */
    static RequestSpecification parts(RequestSpecification rq, Map<String, byte[]> files) {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            rq = rq.multiPart(f.getKey(), f.getKey() + ".jpg", f.getValue(), "image/jpeg");
        }
        return rq;
    }
}
