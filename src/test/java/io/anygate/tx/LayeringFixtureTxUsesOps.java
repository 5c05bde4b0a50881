package io.anygate.tx;

import io.anygate.ops.TxReadiness;

/** A deliberately wrong import for {@code LayeringFixturesTest}: tx reaching into ops, which uses tx (a cycle). */
class LayeringFixtureTxUsesOps {

    TxReadiness wrong;
}
