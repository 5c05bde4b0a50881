package io.anygate.anytime.cards;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /v1.0/cards}. {@code order_id} is the TX card id (one order, one card);
 * {@code order_status} is {@link #ORDER_COMPLETE} for a plastic card (to be activated with {@code card_status=ACT})
 * and {@link #VIRTUAL_ACTIVATED} for a virtual card, activated at once.
 */
public record CardOrdered(
        @JsonProperty("order_id") long orderId,
        @JsonProperty("order_status") int orderStatus,
        @JsonProperty("card_ref") String cardRef) {

    public static final int ORDER_COMPLETE = 3;
    public static final int VIRTUAL_ACTIVATED = 9;
}
