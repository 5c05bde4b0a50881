package io.anygate.domain.card;

/**
 * A card as the gateway knows it locally: who owns it and where its money lives in TX. Enough to authorise
 * and route a load or an unload without asking TX.
 *
 * @param cardId TX card id (the card_ref is derived from it)
 * @param accountId the Anytime acc_id, which is the TX id of the account contract
 * @param cardContractId TX id of the card's own contract, which holds the card balance
 */
public record OwnedCard(long cardId, String partnerId, long accountId, long cardContractId, String currency,
        boolean virtual) {
}
