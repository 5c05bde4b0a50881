package io.anygate.store;

/** The key of a cached ownership row: the partner and the TX id of its account contract or card. */
record OwnershipKey(String partnerId, long id) {
}
