package io.anygate.txsim;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Settings of the TX core simulator ({@code gateway.txsim.*}); its base path and standalone flag are read by the
 * gateway too, so they are declared in {@link io.anygate.GatewayConfig}.
 */
@ConfigMapping(prefix = "gateway.txsim")
public interface TxSimConfig {

    /** Mounts the simulator on the HTTP router; false in production. */
    @WithDefault("true")
    boolean enabled();

    /** Basic auth user name TX callers must present. */
    @WithDefault("tx-sandbox")
    String username();

    /** Basic auth password TX callers must present. */
    @WithDefault("tx-sandbox-secret")
    String password();

    /** JSON snapshot of the simulator's state, loaded at start and written after changes; empty = memory only. */
    Optional<String> stateFile();

    /** Minimum delay between two snapshot writes, in milliseconds (changes within it are written together). */
    @WithDefault("1000")
    long snapshotDebounceMs();

    /** How long a request held by the {@code timeout} fault waits before its connection is closed, in ms. */
    @WithDefault("120000")
    long faultHoldMs();

    /** The PIN block format of {@code GET card/pin}: {@code iso-0} (ISO 9564-1 format 0, TDES) or {@code iso-4} (AES). */
    @WithDefault("iso-0")
    String pinFormat();

    /**
     * The PIN encryption key, hex (TDES 16/24 bytes, AES 16/24/32). The default is the sandbox key, the gateway's
     * default {@code gateway.tx.pin.key}.
     */
    @WithDefault("0123456789ABCDEFFEDCBA9876543210")
    String pinKey();

    /**
     * How a repeated {@code tranRq.match.key} of an approved write is answered, the spec's two readings of "the
     * system will respond that the transaction was already processed" (docs/tx-contract.md): {@code replay}, 200
     * with the original answer; {@code refuse}, 422 {@code common-TranDeclineRs} with code {@code ALREADY_PROCESSED}
     * and the original {@code tranId}.
     */
    @WithDefault("replay")
    RepeatedKey repeatedKey();

    /**
     * How long after its order a plastic card to be delivered to an address is handed to the carrier: from then on
     * {@code GET card} reports the carrier and tracking number in {@code userAttrs} (docs/tx-contract.md, "Card
     * logistics").
     */
    @WithDefault("PT3S")
    java.time.Duration shippingDelay();

    /** The carrier the simulated card bureau ships with ({@code TX-CARRIER}); the gateway needs a link template for it. */
    @WithDefault("sandbox-post")
    String shippingCarrier();

    /** The readings of a repeated match key. */
    enum RepeatedKey {
        REPLAY,
        REFUSE
    }
}
