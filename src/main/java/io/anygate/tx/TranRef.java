package io.anygate.tx;

import java.time.LocalDateTime;

/**
 * TX {@code tran-TranRef}: a transaction by internal {@code id}, or by the {@code matchKey} it was sent with
 * (optionally narrowed by {@code rqSentTime}, see docs/tx-contract.md).
 */
public record TranRef(Long id, String matchKey, LocalDateTime rqSentTime) {

    public static TranRef ofId(long id) {
        return new TranRef(id, null, null);
    }
}
