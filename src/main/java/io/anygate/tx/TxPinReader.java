package io.anygate.tx;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Reads PINs out of TX's encrypted PIN blocks with the configured format and key ({@code gateway.tx.pin.*}). Built
 * at start, so that a key that is not hex or does not fit the format's cipher stops the start with a message naming
 * the setting (never its value).
 */
@Startup
@Singleton
public class TxPinReader {

    @Inject
    TxConfig config;

    private TxPinBlock.Format format;
    private byte[] key;

    @PostConstruct
    void load() {
        format = TxPinBlock.Format.parse(config.pin().format());
        key = TxPinBlock.key(format, config.pin().key());
    }

    /** The configured format, for messages. */
    String format() {
        return config.pin().format();
    }

    /** The PIN in {@code base64Block} for the card {@code pan}; {@link TxPinBlock.Unreadable} if it does not read. */
    String pin(String base64Block, String pan) {
        return TxPinBlock.pin(base64Block, pan, format, key);
    }
}
