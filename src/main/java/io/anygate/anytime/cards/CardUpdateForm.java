package io.anygate.anytime.cards;

import io.anygate.anytime.forms.FormReader;
import io.anygate.domain.CardRef;
import io.anygate.domain.CardStatus;

/**
 * The parameters of {@code PUT /v1.0/cards/{card_ref}}; each is optional but at least one must be sent. The SDK also
 * sends {@code card_ref} in the body: tolerated when it names the card of the path.
 *
 * @param status requested status, null when not sent; an ORD/EXP request parses and is refused later by the rules
 * @param pos    null when not sent
 * @param atm    null when not sent
 * @param renew  null when not sent
 */
public record CardUpdateForm(CardStatus status, Boolean pos, Boolean atm, Boolean renew) {

    /** Parses and validates; throws {@code CardInvalidParameterException} naming the bad parameter. */
    public static CardUpdateForm parse(FormReader f, CardRef pathRef) {
        f.optional("card_ref").ifPresent(v -> {
            if (!v.equals(pathRef.value())) {
                throw f.invalid("card_ref", "does not match the card of the path");
            }
        });
        CardStatus status = f.optional("card_status").map(v -> CardStatus.fromAnytime(v).orElseThrow(() ->
                f.invalid("card_status", "must be one of STO, LOS, DAM, CAN, ACT, BLO"))).orElse(null);
        CardUpdateForm form = new CardUpdateForm(status, f.optionalFlag("card_pos").orElse(null),
                f.optionalFlag("card_atm").orElse(null), f.optionalFlag("card_renew").orElse(null));
        if (status == null && form.pos == null && form.atm == null && form.renew == null) {
            throw f.invalid("card_status", "one of card_status, card_pos, card_atm, card_renew is required");
        }
        return form;
    }

    /** True when a renewal was asked ({@code card_renew=1}). */
    public boolean renewRequested() {
        return Boolean.TRUE.equals(renew);
    }
}
