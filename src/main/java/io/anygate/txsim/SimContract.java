package io.anygate.txsim;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A TX contract with its single account. Status and balance change only under {@link #lock}: transfers take
 * the locks of their contracts in ascending id order, so two transfers can never deadlock.
 */
final class SimContract {
    public long id;
    public String rid;
    public String typeRid;
    public long clientId;
    public volatile String status;
    public String mainCcy;
    /** Own funds ({@code financial}); the simulator has no holds and no credit, so available = ledger = this. */
    public volatile BigDecimal balance;
    public LocalDateTime created;
    public LocalDateTime activated;
    public LocalDateTime finished;
    public LocalDateTime closed;
    /** The contract object as last PUT, without the fields the simulator owns. */
    public ObjectNode body;

    @JsonIgnore
    final transient ReentrantLock lock = new ReentrantLock();

    static final String CREATED = "Created";
    static final String ACTIVE = "Active";
    /** Prepared for closure ({@code POST contract/finish}): no more money movements, only {@code close}. */
    static final String FINISHED = "Finished";
    static final String CLOSED = "Closed";
}
