package io.anygate.anytime.cards;

import io.anygate.GatewayConfig;
import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.anytime.forms.FormReader;
import io.anygate.domain.CardRef;
import io.anygate.domain.money.CardMoney;
import io.anygate.domain.money.MoneyRequest;
import io.anygate.security.CurrentPartner;
import io.anygate.security.Functionality;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code POST /v1.0/cards/{card_ref}/credit} (load: account to card) and {@code /debit} (unload: card to
 * account). The partner's {@code Idempotency-Key} header, when sent, names the operation: a retry re-drives the
 * same journaled operation under the same TX matchKey (the HTTP replay layer answers the stored bytes before
 * this resource runs; this is the second line of defence).
 */
@Path("/v1.0/cards/{card_ref}")
@Produces(MediaType.APPLICATION_JSON)
public class CardMoneyResource {

    /** Header carrying the partner's idempotency key. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    CurrentPartner partner;

    @Inject
    CardMoney money;

    @Inject
    GatewayConfig gateway;

    @POST
    @Path("credit")
    @Functionality("cards.credit")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public CardMoneyAnswer credit(@PathParam("card_ref") String cardRef, MultivaluedMap<String, String> form,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return move(true, cardRef, form, idempotencyKey);
    }

    @POST
    @Path("debit")
    @Functionality("cards.debit")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public CardMoneyAnswer debit(@PathParam("card_ref") String cardRef, MultivaluedMap<String, String> form,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return move(false, cardRef, form, idempotencyKey);
    }

    private CardMoneyAnswer move(boolean credit, String cardRefText, MultivaluedMap<String, String> params,
            String idempotencyKey) {
        FormReader f = FormReader.ofMulti(params, AnytimeError.CARD_INVALID_PARAMETER);
        CardRef cardRef = CardRef.parse(cardRefText)
                .orElseThrow(() -> f.invalid("card_ref", "must be ANY followed by 10 digits"));
        CardMoneyForm form = CardMoneyForm.parse(f);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 128) {
            throw new AnytimeException(AnytimeError.CARD_INVALID_PARAMETER,
                    "Idempotency-Key: at most 128 characters");
        }
        MoneyRequest rq = new MoneyRequest(partner.partnerId(), cardRef.txCardId(), form.amount(),
                form.accComment(), form.cardComment(), key,
                fingerprint(cardRef, form, credit ? "credit" : "debit"));
        CardMoney.Moved moved = credit ? money.credit(rq) : money.debit(rq);
        // transaction_id is documented as "only in sandbox": production partners learn it by webhook.
        return CardMoneyAnswer.of(cardRef.value(), moved.card().accountId(),
                gateway.sandbox() ? moved.tranId() : null);
    }

    /** What an Idempotency-Key promises to repeat: the card, the amount, the comments and the direction. */
    static String fingerprint(CardRef card, CardMoneyForm form, String kind) {
        String canonical = String.join("\u0000", card.value(), form.amount().stripTrailingZeros().toPlainString(),
                form.accComment(), form.cardComment(), kind);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
