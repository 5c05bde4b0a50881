package io.anygate.domain.card;

import io.anygate.domain.Address;
import io.anygate.domain.CardRestrictions;
import io.anygate.domain.CardType;
import io.anygate.domain.Gender;
import java.time.LocalDate;

/**
 * A card to create in the core, on its own card contract.
 *
 * @param rid the reference the gateway assigns ({@code AGW-C-{operationId}}), so a lost answer is recovered
 * @param delivery where a plastic card is shipped; null for a virtual card
 */
public record NewCard(String rid, long holderSubjectId, long cardContractId, long accountContractId, CardType type,
        String embossedName, LocalDate expiry, CardRestrictions restrictions, Delivery delivery) {

    /** Shipping of a plastic card. */
    public record Delivery(String companyName, Gender gender, String firstName, String lastName, Address address,
            String language) {
    }
}
