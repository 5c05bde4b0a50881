package io.anygate.tx;

/**
 * TX declined the operation (HTTP 422, {@code common-TranDeclineRs}). A declined transfer is registered under
 * {@link #tranId()} but moved no money. An unknown {@link #code()} is still a plain decline.
 */
public class TxDeclinedException extends TxException {

    private final String code;
    private final String description;
    private final Long tranId;

    public TxDeclinedException(String code, String description, Long tranId) {
        super("TX declined: " + code + (description == null ? "" : " (" + description + ")"), null);
        this.code = code;
        this.description = description;
        this.tranId = tranId;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The registered declined transaction, or null when TX gave none. */
    public Long tranId() {
        return tranId;
    }

    @Override
    public String outcome() {
        return "declined";
    }
}
