package io.anygate.txsim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A TX subject (person or company) as the simulator keeps it: identity plus the last object written. */
final class SimSubject {
    public long id;
    public String rid;
    public String kind;
    /** The subject object as last PUT, without {@code ref}. */
    public ObjectNode body;
}
