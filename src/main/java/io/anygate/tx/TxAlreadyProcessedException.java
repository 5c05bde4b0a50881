package io.anygate.tx;

/**
 * TX answered a repeated match key with 409, or with 422 {@code DUPLICATE} / {@code ALREADY_PROCESSED} /
 * "already processed" (readings docs/tx-contract.md tolerates). Caught inside the adapter, which then looks the
 * original outcome up; it never leaves the package.
 */
class TxAlreadyProcessedException extends TxException {

    TxAlreadyProcessedException(String message) {
        super(message, null);
    }

    @Override
    public String outcome() {
        return "approved";
    }
}
