package io.anygate.txsim;

/**
 * An expected non-approved answer of the simulator: 400 (malformed), 401, 404 (unknown reference) or 409.
 * Declines (422) are not exceptions: they are registered transactions, see {@link SimTran}.
 */
public class TxSimException extends RuntimeException {

    private final int status;
    private final String code;

    public TxSimException(int status, String code, String description) {
        super(description, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static TxSimException badRequest(String description) {
        return new TxSimException(400, "BAD_REQUEST", description);
    }

    public static TxSimException notFound(String description) {
        return new TxSimException(404, "NOT_FOUND", description);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
