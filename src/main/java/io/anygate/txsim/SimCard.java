package io.anygate.txsim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A TX card. The clear PAN, CVV2 and PIN are kept here (the simulator is its own HSM); they leave only through
 * the dedicated endpoints and the state file, never through a log line or {@code toString}.
 */
final class SimCard {
    public long id;
    public String rid;
    public long holderId;
    public long issuingContractId;
    public long financialContractId;
    public String productRid;
    public String designRid;
    public String restrictionsProfileRid;
    public volatile String status;
    public String pan;
    public String cvv2;
    public String pin;
    public LocalDate expDate;
    public LocalDate created;
    public LocalDate activated;
    public LocalDate closed;
    /** When the card was ordered (epoch ms; 0 in a state file older than the field: long ago). */
    public long orderedAtMs;
    /** The card object as last PUT, without the fields the simulator owns. */
    public ObjectNode body;

    static final String INACTIVE = "Inactive";
    static final String ACTIVE = "Active";
    static final String BLOCKED = "Blocked";
    static final String CLOSED = "Closed";
    static final Set<String> FINAL = Set.of("Lost", "Stolen", "Damaged", CLOSED);
    static final Set<String> ALL = Set.of(INACTIVE, ACTIVE, BLOCKED, "Lost", "Stolen", "Damaged", CLOSED);

    /** Card status to lifecycle phase, as docs/tx-contract.md lists them. */
    static final Map<String, String> LIFE_PHASE = Map.of(INACTIVE, "LC_NEW", ACTIVE, "LC_ACTIVE", BLOCKED, "LC_BLOCKED",
            "Lost", "LC_CLOSED", "Stolen", "LC_CLOSED", "Damaged", "LC_CLOSED", CLOSED, "LC_CLOSED");

    String panMask() {
        return pan.substring(0, 6) + "*".repeat(pan.length() - 10) + pan.substring(pan.length() - 4);
    }

    /** Allowed status changes: Inactive → anything; Active ⇄ Blocked; any non-final → a final status. */
    static boolean canMove(String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        if (FINAL.contains(from) || to.equals(INACTIVE)) {
            return false;
        }
        return true;
    }
}
