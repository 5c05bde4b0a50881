package io.anygate.txsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;

/**
 * PUT card (create, or a full replace of an existing card), DELETE card (close) and POST card/reissue.
 * {@code dates.expiration} is required wherever a card object is sent (the spec marks it so). An update replaces
 * what a client may write (names, logistics, notes, userAttrs, tdsEnrollment, className, restriction profile,
 * expiration): a field left out is cleared, the profile falls back to {@code RP-ALL}. A left-out {@code status}
 * keeps the card's; what TX owns (holder, contracts, product, design, PAN, other dates) never changes by a PUT.
 */
final class CardWrites {

    private final SimState state;
    private final Resolver resolver;

    CardWrites(SimState state, Resolver resolver) {
        this.state = state;
        this.resolver = resolver;
    }

    Reply putCard(ObjectNode body, Boolean mustExist, String key) {
        ObjectNode object = SimJson.reqObject(body, "object", "object");
        Ref ref = Ref.member(object, "ref", "object.ref");
        String status = status(object, "object.status");
        expiration(object, "object");
        return Modify.runWithoutNotFound(state, "card.put", key, () -> {
            synchronized (state.cards) {
                SimCard card = Modify.presence(Modify.lookup(ref, state.cards::get, state.cardRids::get, "object.ref"),
                        mustExist, "card");
                if (card == null) {
                    if (status != null && !status.equals(SimCard.INACTIVE) && !status.equals(SimCard.ACTIVE)) {
                        throw TxSimException.badRequest("object.status of a new card must be Inactive or Active");
                    }
                    card = create(object, ref == null ? null : ref.rid(), status, "object");
                    card.pan = CardSecrets.newPan(state.cardPans);
                    card.pin = CardSecrets.digits(4);
                    store(card);
                    return card.id;
                }
                update(card, object, status, "object");
                card.rid = Modify.rid(ref, card.rid, card.id, state.cardRids);
                return card.id;
            }
        });
    }

    Reply deleteCard(Ref ref, String key) {
        SimCard card = resolver.card(ref, "ref");
        return Modify.run(state, "card.delete", key, () -> {
            synchronized (state.cards) {
                if (SimCard.CLOSED.equals(card.status)) {
                    throw new Declined(Declined.CARD_CLOSED, "card already closed");
                }
                card.status = SimCard.CLOSED;
                card.closed = today();
                return card.id;
            }
        });
    }

    Reply reissue(Ref ref, ObjectNode body, String key) {
        SimCard old = resolver.card(ref, "ref");
        ObjectNode copy = SimJson.optObject(body, "copyFromOldCard", "copyFromOldCard");
        ObjectNode newCard = SimJson.optObject(body, "newCard", "newCard");
        // newCard is optional; without it the new card gets the product's term (3 years, end of month)
        LocalDate exp = newCard != null ? expiration(newCard, "newCard")
                : today().plusYears(3).with(TemporalAdjusters.lastDayOfMonth());
        ObjectNode object = newCard == null ? SimJson.object() : newCard.deepCopy();
        String status = status(object, "newCard.status");
        Ref newRef = Ref.member(object, "ref", "newCard.ref");
        return Modify.run(state, "card.reissue", key, () -> {
            synchronized (state.cards) {
                if (SimCard.CLOSED.equals(old.status)) {
                    throw new Declined(Declined.CARD_CLOSED, "a closed card cannot be reissued");
                }
                for (String inherited : new String[] {"holder", "issuingContract", "financialContract", "product", "design"}) {
                    object.remove(inherited);
                }
                SimCard card = new SimCard();
                card.holderId = old.holderId;
                card.issuingContractId = old.issuingContractId;
                card.financialContractId = old.financialContractId;
                card.productRid = old.productRid;
                card.designRid = old.designRid;
                String rid = flag(copy, "rid") ? old.rid : (newRef == null ? null : newRef.rid());
                if (rid != null && !rid.equals(old.rid) && state.cardRids.containsKey(rid)) {
                    throw new Declined(Declined.OBJECT_EXISTS, "a card with this rid already exists");
                }
                fill(card, object, rid, status == null ? SimCard.INACTIVE : status, exp, "newCard");
                card.restrictionsProfileRid = object.has("restrictionsProfile") ? card.restrictionsProfileRid
                        : (flag(copy, "limits") ? old.restrictionsProfileRid : "RP-ALL");
                card.pan = flag(copy, "pan") ? old.pan : CardSecrets.newPan(state.cardPans);
                card.pin = flag(copy, "pin") ? old.pin : CardSecrets.digits(4);
                if (rid != null && rid.equals(old.rid)) {
                    // the reference moves to the new card
                    old.rid = null;
                }
                if (!SimCard.FINAL.contains(old.status)) {
                    old.status = SimCard.CLOSED;
                    old.closed = today();
                }
                store(card);
                return card.id;
            }
        });
    }

    private SimCard create(ObjectNode object, String rid, String status, String path) {
        SimCard card = new SimCard();
        SimSubject holder = resolver.subject(Ref.required(object.get("holder"), path + ".holder"), path + ".holder");
        Ref fin = Ref.member(object, "financialContract", path + ".financialContract");
        Ref iss = Ref.member(object, "issuingContract", path + ".issuingContract");
        if (fin == null && iss == null) {
            throw TxSimException.badRequest(path + ".financialContract is required to create a card");
        }
        SimContract financial = resolver.contract(fin != null ? fin : iss, path + ".financialContract");
        SimContract issuing = iss == null ? financial : resolver.contract(iss, path + ".issuingContract");
        card.holderId = holder.id;
        card.financialContractId = financial.id;
        card.issuingContractId = issuing.id;
        Ref product = Ref.member(object, "product", path + ".product");
        card.productRid = product == null ? "CP-VIRTUAL"
                : Catalogue.entry(Catalogue.CARD_PRODUCTS, product.id(), product.rid(), path + ".product").rid();
        Ref design = Ref.member(object, "design", path + ".design");
        card.designRid = design == null ? "DES-STANDARD"
                : Catalogue.entry(Catalogue.DESIGNS, design.id(), design.rid(), path + ".design").rid();
        if (rid != null && state.cardRids.containsKey(rid)) {
            throw new Declined(Declined.OBJECT_EXISTS, "a card with this rid already exists");
        }
        fill(card, object, rid, status == null ? SimCard.INACTIVE : status, expiration(object, path), path);
        if (card.restrictionsProfileRid == null) {
            card.restrictionsProfileRid = "RP-ALL";
        }
        return card;
    }

    /** Identity, dates, secrets other than PAN and PIN, profile and body of a new card. */
    private void fill(SimCard card, ObjectNode object, String rid, String status, LocalDate exp, String path) {
        card.id = state.cardSeq.getAndIncrement();
        card.rid = rid;
        card.status = status;
        card.created = today();
        card.orderedAtMs = SimClock.millis();
        card.activated = SimCard.ACTIVE.equals(status) ? card.created : null;
        card.cvv2 = CardSecrets.digits(3);
        card.expDate = exp;
        profile(card, object, path);
        card.body = stripped(object);
    }

    private void update(SimCard card, ObjectNode object, String status, String path) {
        for (String fixed : new String[] {"holder", "financialContract", "issuingContract"}) {
            Ref r = Ref.member(object, fixed, "object." + fixed);
            if (r != null) {
                long current = fixed.equals("holder") ? card.holderId
                        : fixed.equals("financialContract") ? card.financialContractId : card.issuingContractId;
                long given = fixed.equals("holder") ? resolver.subject(r, "object.holder").id
                        : resolver.contract(r, "object." + fixed).id;
                if (given != current) {
                    throw TxSimException.badRequest("object." + fixed + " cannot change");
                }
            }
        }
        if (status != null && !SimCard.canMove(card.status, status)) {
            throw new Declined(SimCard.CLOSED.equals(card.status) ? Declined.CARD_CLOSED : Declined.INVALID_STATUS_TRANSITION,
                    "card status cannot change from " + card.status + " to " + status);
        }
        Ref rp = Ref.member(object, "restrictionsProfile", path + ".restrictionsProfile");
        card.restrictionsProfileRid = rp == null ? "RP-ALL" : Catalogue.entry(Catalogue.RESTRICTION_PROFILES, rp.id(),
                rp.rid(), path + ".restrictionsProfile").rid();
        card.expDate = expiration(object, path);
        card.body = stripped(object);
        if (status != null && !status.equals(card.status)) {
            card.status = status;
            if (SimCard.ACTIVE.equals(status) && card.activated == null) {
                card.activated = today();
            }
            if (SimCard.FINAL.contains(status)) {
                card.closed = today();
            }
        }
    }

    private void store(SimCard card) {
        state.cards.put(card.id, card);
        state.cardPans.put(card.pan, card.id);
        if (card.rid != null) {
            state.cardRids.put(card.rid, card.id);
        }
    }

    private static void profile(SimCard card, ObjectNode object, String path) {
        Ref rp = Ref.member(object, "restrictionsProfile", path + ".restrictionsProfile");
        if (rp != null) {
            card.restrictionsProfileRid = Catalogue.entry(Catalogue.RESTRICTION_PROFILES, rp.id(), rp.rid(),
                    path + ".restrictionsProfile").rid();
        }
    }

    private static String status(ObjectNode object, String field) {
        String status = SimJson.optText(object, "status", field);
        if (status != null && !SimCard.ALL.contains(status)) {
            throw TxSimException.badRequest(field + " must be one of " + SimCard.ALL);
        }
        return status;
    }

    /** {@code dates.expiration} of a card object: required (400 when missing), an ISO date. */
    private static LocalDate expiration(ObjectNode object, String path) {
        ObjectNode dates = SimJson.optObject(object, "dates", path + ".dates");
        String exp = SimJson.optText(dates, "expiration", path + ".dates.expiration");
        if (exp == null) {
            throw TxSimException.badRequest(path + ".dates.expiration is required");
        }
        try {
            return LocalDate.parse(exp);
        } catch (DateTimeParseException e) {
            throw TxSimException.badRequest(path + ".dates.expiration must be an ISO date like 2029-11-30");
        }
    }

    /** What the card keeps of a written object: the fields a client may write that the simulator does not own. */
    private static ObjectNode stripped(ObjectNode object) {
        ObjectNode stored = SimJson.object();
        for (String writable : new String[] {"className", "tdsEnrollment", "logistics", "names", "notes", "userAttrs"}) {
            if (object.has(writable) && !object.get(writable).isNull()) {
                stored.set(writable, object.get(writable).deepCopy());
            }
        }
        return stored;
    }

    private static boolean flag(JsonNode copy, String name) {
        return copy != null && copy.path(name).asBoolean(false);
    }

    static LocalDate today() {
        return SimClock.today();
    }
}
