package io.anygate.txsim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A registered TX transaction: a money movement (listed by {@code GET trans}) or an object modification, approved
 * or declined. An approved one holds the answer a repeated matchKey replays.
 */
final class SimTran {
    public long id;
    public LocalDateTime regTime;
    public String operation;
    public String kind;
    public boolean financial;
    public boolean reversal;
    public String result;
    public String code;
    public String description;
    public String matchKey;
    public String approvalCode;
    public Long objectId;
    public Long srcContractId;
    public Long dstContractId;
    public Long srcCardId;
    public Long dstCardId;
    public String dstVendor;
    /** The source of a movement that comes from outside TX's contracts (fi2account: the financial institution). */
    public String srcVendor;
    public BigDecimal amt;
    public String ccy;
    public Long reversedTranId;
    public volatile Long reversedBy;
    /** The 200 answer, replayed as is for a repeated matchKey. */
    public ObjectNode answer;

    static final String APPROVED = "Approved";
    static final String DECLINED = "Declined";

    boolean approved() {
        return APPROVED.equals(result);
    }
}
