package io.anygate.txsim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** Renders the simulator's objects as TX wire objects (the spec's schemas). A PAN only ever appears masked. */
final class Views {

    private final SimState state;
    private final Shipments shipments;

    Views(SimState state) {
        this(state, Shipments.none());
    }

    Views(SimState state, Shipments shipments) {
        this.shipments = shipments;
        this.state = state;
    }

    static ObjectNode ref(long id, String rid) {
        ObjectNode ref = SimJson.object().put("id", id);
        if (rid != null) {
            ref.put("rid", rid);
        }
        return ref;
    }

    ObjectNode subjectRef(long id) {
        SimSubject s = state.subjects.get(id);
        return ref(id, s == null ? null : s.rid);
    }

    ObjectNode contractRef(long id) {
        SimContract c = state.contracts.get(id);
        return ref(id, c == null ? null : c.rid);
    }

    ObjectNode subject(SimSubject s) {
        ObjectNode out = SimJson.object();
        out.set("ref", ref(s.id, s.rid));
        out.setAll(s.body.deepCopy());
        out.put("kind", s.kind);
        return out;
    }

    ObjectNode contract(SimContract c) {
        Catalogue.ContractType type = Catalogue.contractType(null, c.typeRid, "type");
        ObjectNode out = SimJson.object();
        out.setAll(c.body.deepCopy());
        out.set("ref", ref(c.id, c.rid));
        out.put("className", Catalogue.CREDIT_CLASS);
        out.set("type", ref(type.id(), type.rid()));
        out.set("client", subjectRef(c.clientId));
        ObjectNode details = out.has("details") && out.get("details").isObject()
                ? (ObjectNode) out.get("details") : SimJson.object();
        out.set("details", details);
        details.put("status", c.status);
        details.put("mainCcy", c.mainCcy);
        ObjectNode dates = SimJson.object();
        dates.set("creation", day(c.created));
        dates.set("activation", day(c.activated));
        dates.set("finish", day(c.finished));
        dates.set("closure", day(c.closed));
        details.set("dates", dates);
        BigDecimal zero = BigDecimal.ZERO.setScale(Amount.digits(c.mainCcy));
        details.put("cclBaseAmt", zero);
        ObjectNode balances = SimJson.object();
        BigDecimal own = c.balance;
        balances.put("available", own).put("ownAvailable", own).put("ledger", own).put("financial", own)
                .put("curCreditHolds", zero).put("curDebitHold", zero).put("debt", zero).put("creditLimit", zero);
        details.set("balances", balances);
        return out;
    }

    private static ObjectNode day(LocalDateTime t) {
        if (t == null) {
            return null;
        }
        return SimJson.object().put("time", SimJson.time(t)).put("businessDay", t.toLocalDate().toString());
    }

    ObjectNode card(SimCard c) {
        ObjectNode out = SimJson.object();
        out.setAll(c.body.deepCopy());
        out.set("ref", ref(c.id, c.rid));
        if (!out.hasNonNull("className")) {
            out.put("className", "Smart cards");
        }
        out.set("holder", subjectRef(c.holderId));
        SimContract issuing = state.contracts.get(c.issuingContractId);
        if (issuing != null) {
            Catalogue.ContractType t = Catalogue.contractType(null, issuing.typeRid, "type");
            out.set("issuingContractType", ref(t.id(), t.rid()));
        }
        out.set("issuingContract", contractRef(c.issuingContractId));
        out.set("financialContract", contractRef(c.financialContractId));
        out.set("mainCard", ref(c.id, c.rid));
        Catalogue.Entry product = Catalogue.entry(Catalogue.CARD_PRODUCTS, null, c.productRid, "product");
        out.set("product", ref(product.id(), product.rid()));
        Catalogue.Entry design = Catalogue.entry(Catalogue.DESIGNS, null, c.designRid, "design");
        out.set("design", ref(design.id(), design.rid()));
        out.put("panMask", c.panMask());
        out.put("mbr", 0);
        out.put("status", c.status);
        out.put("lifePhaseRid", SimCard.LIFE_PHASE.get(c.status));
        Catalogue.Entry rp = Catalogue.entry(Catalogue.RESTRICTION_PROFILES, null, c.restrictionsProfileRid,
                "restrictionsProfile");
        out.set("restrictionsProfile", ref(rp.id(), rp.rid()));
        ObjectNode dates = SimJson.object();
        dates.put("validFrom", c.created.toString()).put("creation", c.created.toString())
                .put("activation", c.activated == null ? null : c.activated.toString())
                .put("expiration", c.expDate.toString())
                .put("closure", c.closed == null ? null : c.closed.toString());
        out.set("dates", dates);
        shipments.report(c, out, SimClock.millis());
        return out;
    }

    ObjectNode link(SimLink l) {
        ObjectNode out = SimJson.object();
        out.setAll(l.body.deepCopy());
        out.put("id", l.id);
        out.set("contract1", contractRef(l.contract1Id));
        out.set("contract2", contractRef(l.contract2Id));
        return out;
    }

    ObjectNode document(SimDocument d) {
        ObjectNode out = SimJson.object();
        out.setAll(d.body.deepCopy());
        out.set("ref", SimJson.object().put("id", d.id));
        out.set("subject", subjectRef(d.subjectId));
        return out;
    }

    ObjectNode tran(SimTran t) {
        ObjectNode out = SimJson.object();
        out.put("id", t.id);
        out.put("regTime", SimJson.time(t.regTime));
        out.put("operDay", t.regTime.toLocalDate().toString());
        out.put("lifePhase", "Single");
        out.put("kind", t.kind);
        out.put("isReversal", t.reversal);
        out.set("src", side(t.srcContractId, t.srcCardId, t.srcVendor));
        out.set("dst", side(t.dstContractId, t.dstCardId, t.dstVendor));
        if (t.amt != null) {
            ObjectNode values = SimJson.object();
            values.set("customer", SimJson.object().put("amt", t.amt).put("ccy", t.ccy));
            values.set("clearing", SimJson.object().put("amt", t.amt).put("ccy", t.ccy));
            out.set("values", values);
        }
        // a declined transaction's result is its decline result, the reason (docs/tx-contract.md, "Answers")
        out.put("result", t.approved() ? t.result : t.code);
        if (!t.approved()) {
            out.put("code", t.code).put("description", t.description);
        } else {
            out.put("approvalCode", t.approvalCode);
        }
        if (t.matchKey != null) {
            out.put("matchKey", t.matchKey);
        }
        if (t.objectId != null) {
            out.put("objectId", t.objectId);
        }
        if (t.reversedTranId != null) {
            out.put("reversedTranId", t.reversedTranId);
        }
        if (t.reversedBy != null) {
            out.put("reversedBy", t.reversedBy);
        }
        return out;
    }

    private ObjectNode side(Long contractId, Long cardId, String vendor) {
        ObjectNode side = SimJson.object();
        if (cardId != null) {
            SimCard card = state.cards.get(cardId);
            side.set("card", SimJson.object().put("panMask", card.panMask()).put("expDate", card.expDate.toString()));
        }
        if (contractId != null) {
            side.set("contract", contractRef(contractId));
        }
        if (vendor != null) {
            side.set("vendor", SimJson.object().put("rid", vendor));
        }
        return side;
    }

    static ObjectNode contractType(Catalogue.ContractType t) {
        ObjectNode out = SimJson.object();
        out.set("ref", ref(t.id(), t.rid()));
        out.put("name", t.name()).put("contractClassName", Catalogue.CREDIT_CLASS).put("isAbstract", false);
        ArrayNode attrs = out.putArray("userAttrs");
        if (t.maxBalance() != null) {
            attrs.addObject().put("rid", "MAX_BALANCE").put("val", t.maxBalance().toPlainString());
        }
        if (t.maxPerTransfer() != null) {
            attrs.addObject().put("rid", "MAX_TRAN_AMT").put("val", t.maxPerTransfer().toPlainString());
        }
        return out;
    }

    static ObjectNode entry(Catalogue.Entry e) {
        ObjectNode out = SimJson.object();
        out.set("ref", ref(e.id(), e.rid()));
        out.put("name", e.name());
        return out;
    }

    /** A page of a list answer: {@code {"hasMore": ..., "objects": [...]}}. */
    static ObjectNode page(List<ObjectNode> all, int[] page) {
        ObjectNode out = SimJson.object();
        int from = Math.min(page[0], all.size());
        int to = (int) Math.min((long) page[0] + page[1], all.size());
        out.put("hasMore", to < all.size());
        ArrayNode objects = out.putArray("objects");
        all.subList(from, to).forEach(objects::add);
        return out;
    }
}
