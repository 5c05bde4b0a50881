package io.anygate.txsim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A contract-to-contract link. */
final class SimLink {
    public long id;
    public long contract1Id;
    public long contract2Id;
    /** The link as last PUT (kind, status, seq, names), without the resolved references. */
    public ObjectNode body;
}
