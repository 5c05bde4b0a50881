package io.anygate.txsim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A subject's document (passport, national id...). */
final class SimDocument {
    public long id;
    public long subjectId;
    /** The document object as last PUT, without {@code ref}. */
    public ObjectNode body;
}
