package io.anygate.tx;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Connection to TX. Per-operation timeouts, retries, circuit breakers and bulkheads are SmallRye Fault
 * Tolerance settings on the gateway beans, overridable per operation with
 * {@code quarkus.fault-tolerance."io.anygate.tx.TxCardCalls/card".timeout.value} and the like (docs/tx-contract.md,
 * "Client resiliency").
 */
@ConfigMapping(prefix = "gateway.tx")
public interface TxConfig {

    /** Base URL of TX; operation paths ({@code /tx/v1/...}) are appended, the ping is {@code GET {url}/}. */
    String url();

    /** Basic-auth user name the gateway presents to TX. */
    String username();

    /** Basic-auth password the gateway presents to TX. */
    String password();

    /** TCP connect timeout of every TX call (mirrored into {@code quarkus.rest-client.tx-*.connect-timeout}). */
    @WithDefault("1000")
    long connectTimeoutMs();

    /**
     * HTTP read timeout of every TX call, a backstop above the per-operation {@code @Timeout}s (mirrored into
     * {@code quarkus.rest-client.tx-*.read-timeout}).
     */
    @WithDefault("10000")
    long readTimeoutMs();

    /** How the PIN blocks of {@code GET card/pin} are read (docs/tx-contract.md, "PIN blocks"). */
    Pin pin();

    /** TX's PIN block format and the PIN encryption key its interface configuration uses. */
    interface Pin {

        /** {@code iso-0} (ISO 9564-1 format 0, TDES) or {@code iso-4} (format 4, AES). */
        @WithDefault("iso-0")
        String format();

        /**
         * The PIN encryption key, hex: TDES 16 or 24 bytes for {@code iso-0}, AES 16, 24 or 32 bytes for
         * {@code iso-4}. A secret: never logged. The default is the sandbox key the embedded simulator encrypts with.
         */
        @WithDefault("0123456789ABCDEFFEDCBA9876543210")
        String key();
    }
}
