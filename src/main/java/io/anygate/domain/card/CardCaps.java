package io.anygate.domain.card;

import java.util.OptionalLong;

/** How many cards a partner's account may have (port; the partners file sets it per partner). */
public interface CardCaps {

    /** The most cards one account of this partner may have; empty: no cap. */
    OptionalLong perAccount(String partnerId);
}
