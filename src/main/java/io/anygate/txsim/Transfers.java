package io.anygate.txsim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Money movements: account2account, account2card, card2account, account2fi, fi2account, purchase, and the simulator's ATM
 * withdrawal. Every movement, approved or declined, is registered; only an approved one moves money, under the locks
 * of its contracts taken in ascending id order (no deadlock, no lost update, money conserved). A purchase and a
 * withdrawal are refused by the card's restriction profile as TX would: no POS purchases on {@code RP-NO-POS} /
 * {@code RP-NO-POS-ATM}, no ATM withdrawals on {@code RP-NO-ATM} / {@code RP-NO-POS-ATM}.
 */
final class Transfers {

    private final SimState state;
    private final Resolver resolver;

    Transfers(SimState state, Resolver resolver) {
        this.state = state;
        this.resolver = resolver;
    }

    /** One side of a movement: a contract, possibly reached through a card. */
    record Side(SimContract contract, SimCard card) {
    }

    /** Where a card pays: what its restriction profile may refuse. */
    enum Channel {
        POS(Declined.POS_NOT_ALLOWED, "POS purchases are not allowed on this card", "RP-NO-POS", "RP-NO-POS-ATM"),
        ATM(Declined.ATM_NOT_ALLOWED, "ATM withdrawals are not allowed on this card", "RP-NO-ATM", "RP-NO-POS-ATM");

        private final String code;
        private final String description;
        private final java.util.Set<String> refusingProfiles;

        Channel(String code, String description, String... refusingProfiles) {
            this.code = code;
            this.description = description;
            this.refusingProfiles = java.util.Set.of(refusingProfiles);
        }

        Declined refuse(SimCard card) {
            return card != null && refusingProfiles.contains(card.restrictionsProfileRid)
                    ? new Declined(code, description) : null;
        }
    }

    Reply account2account(ObjectNode body, String key) {
        Amount value = Amount.parse(body, "value", "value");
        Side src = new Side(resolver.contract(Ref.required(body.get("src"), "src"), "src"), null);
        Side dst = new Side(resolver.contract(Ref.required(body.get("dst"), "dst"), "dst"), null);
        return move("tran.account2account", "Transfer", key, src, dst, null, value, null);
    }

    Reply account2card(ObjectNode body, String key) {
        Amount value = Amount.parse(body, "value", "value");
        Side src = new Side(resolver.contract(Ref.required(body.get("src"), "src"), "src"), null);
        ObjectNode cardNode = SimJson.reqObject(body, "dst", "dst");
        SimCard card = resolver.cardInTran(cardNode, "dst");
        return move("tran.account2card", "Transfer", key, src, cardSide(card), null, value, cardData(cardNode, card, "dst"));
    }

    Reply card2account(ObjectNode body, String key) {
        Amount value = Amount.parse(body, "value", "value");
        ObjectNode cardNode = SimJson.reqObject(body, "src", "src");
        SimCard card = resolver.cardInTran(cardNode, "src");
        Side dst = new Side(resolver.contract(Ref.required(body.get("dst"), "dst"), "dst"), null);
        return move("tran.card2account", "Transfer", key, cardSide(card), dst, null, value, cardData(cardNode, card, "src"));
    }

    Reply account2fi(ObjectNode body, String key) {
        Amount value = Amount.parse(body, "value", "value");
        Side src = new Side(resolver.contract(Ref.required(body.get("src"), "src"), "src"), null);
        return move("tran.account2fi", "Debit", key, src, null, "FI", value, null);
    }

    /**
     * Credits an account from the financial institution's side (an inbound payment): {@code dst} and {@code value}
     * required, the same contract checks as any credit (active, currency, per-transfer maximum, maximum balance).
     */
    Reply fi2account(ObjectNode body, String key) {
        Amount value = Amount.parse(body, "value", "value");
        SimContract dst = resolver.contract(Ref.required(body.get("dst"), "dst"), "dst");
        SimTran t = state.newTran("tran.fi2account", "Credit", key);
        t.financial = true;
        t.srcVendor = "FI";
        t.dstContractId = dst.id;
        t.amt = value.amt();
        t.ccy = value.ccy();
        Locks.run(dst, null, () -> {
            state.numberUnderLock(t);
            Declined d = Checks.contract(dst);
            if (d == null && !value.ccy().equals(dst.mainCcy)) {
                d = new Declined(Declined.CURRENCY_MISMATCH, "amount currency differs from the contract currency");
            }
            if (d == null && over(value.amt(), Checks.type(dst).maxPerTransfer())) {
                d = new Declined(Declined.AMOUNT_LIMIT_EXCEEDED, "amount above the per-transaction maximum");
            }
            if (d == null && over(dst.balance.add(value.amt()), Checks.type(dst).maxBalance())) {
                d = new Declined(Declined.BALANCE_LIMIT_EXCEEDED, "destination would exceed its maximum balance");
            }
            if (d != null) {
                SimState.decline(t, d);
            } else {
                dst.balance = dst.balance.add(value.amt());
                SimState.approve(t, null);
            }
            state.register(t);
        });
        return Reply.of(t);
    }

    Reply purchase(ObjectNode body, String key) {
        Amount value = Amount.parse(body, "value", "value");
        ObjectNode cardNode = SimJson.reqObject(body, "card", "card");
        SimCard card = resolver.cardInTran(cardNode, "card");
        ObjectNode terminal = SimJson.optObject(body, "terminal", "terminal");
        String mid = SimJson.optText(terminal, "mid", "terminal.mid");
        return move("tran.purchase", "Goods", key, cardSide(card), null, mid == null ? "MERCHANT" : mid, value,
                cardData(cardNode, card, "card"), Channel.POS);
    }

    /**
     * A cash withdrawal at an ATM ({@code POST {base}/sim/withdrawal}, simulator only: the TX API has no operation
     * for it, the network brings it to TX). Body as {@code tran/purchase}: {@code card}, {@code terminal},
     * {@code value}, optional {@code tranRq}.
     */
    Reply withdrawal(ObjectNode body, String key) {
        Amount value = Amount.parse(body, "value", "value");
        ObjectNode cardNode = SimJson.reqObject(body, "card", "card");
        SimCard card = resolver.cardInTran(cardNode, "card");
        ObjectNode terminal = SimJson.optObject(body, "terminal", "terminal");
        String tid = SimJson.optText(terminal, "tid", "terminal.tid");
        return move("tran.withdrawal", "Cash", key, cardSide(card), null, tid == null ? "ATM" : tid, value,
                cardData(cardNode, card, "card"), Channel.ATM);
    }

    private Side cardSide(SimCard card) {
        return new Side(state.contracts.get(card.financialContractId), card);
    }

    /** The expiry date and CVV2 a card was named with must be the card's (a decline otherwise, as TX would). */
    private static Declined cardData(ObjectNode node, SimCard card, String path) {
        String exp = SimJson.optText(node, "expDate", path + ".expDate");
        if (exp != null) {
            LocalDate date;
            try {
                date = LocalDate.parse(exp);
            } catch (java.time.format.DateTimeParseException e) {
                throw TxSimException.badRequest(path + ".expDate must be an ISO date like 2029-11-30");
            }
            if (!date.equals(card.expDate)) {
                return new Declined(Declined.INVALID_CARD_DATA, "card data do not match the card");
            }
        }
        String cvv2 = SimJson.optText(node, "cvv2", path + ".cvv2");
        if (cvv2 != null && !cvv2.equals(card.cvv2)) {
            return new Declined(Declined.INVALID_CARD_DATA, "card data do not match the card");
        }
        return null;
    }

    private Reply move(String op, String kind, String key, Side src, Side dst, String vendor, Amount value,
            Declined preDecline) {
        return move(op, kind, key, src, dst, vendor, value, preDecline, null);
    }

    private Reply move(String op, String kind, String key, Side src, Side dst, String vendor, Amount value,
            Declined preDecline, Channel channel) {
        if (dst != null && src.contract() == dst.contract()) {
            throw TxSimException.badRequest("src and dst must be different contracts");
        }
        SimTran t = state.newTran(op, kind, key);
        t.financial = true;
        t.srcContractId = src.contract().id;
        t.srcCardId = src.card() == null ? null : src.card().id;
        t.dstContractId = dst == null ? null : dst.contract().id;
        t.dstCardId = dst == null || dst.card() == null ? null : dst.card().id;
        t.dstVendor = vendor;
        t.amt = value.amt();
        t.ccy = value.ccy();
        Locks.run(src.contract(), dst == null ? null : dst.contract(), () -> {
            state.numberUnderLock(t);
            Declined d = preDecline != null ? preDecline : check(src, dst, value, channel);
            if (d != null) {
                SimState.decline(t, d);
            } else {
                src.contract().balance = src.contract().balance.subtract(value.amt());
                if (dst != null) {
                    dst.contract().balance = dst.contract().balance.add(value.amt());
                }
                SimState.approve(t, null);
            }
            state.register(t);
        });
        return Reply.of(t);
    }

    private static Declined check(Side src, Side dst, Amount value, Channel channel) {
        Declined d = Checks.card(src.card());
        if (d == null && dst != null) {
            d = Checks.card(dst.card());
        }
        if (d == null && channel != null) {
            d = channel.refuse(src.card());
        }
        if (d == null) {
            d = Checks.contract(src.contract());
        }
        if (d == null && dst != null) {
            d = Checks.contract(dst.contract());
        }
        if (d != null) {
            return d;
        }
        if (!value.ccy().equals(src.contract().mainCcy) || (dst != null && !value.ccy().equals(dst.contract().mainCcy))) {
            return new Declined(Declined.CURRENCY_MISMATCH, "amount currency differs from the contract currency");
        }
        if (over(value.amt(), Checks.type(src.contract()).maxPerTransfer())
                || (dst != null && over(value.amt(), Checks.type(dst.contract()).maxPerTransfer()))) {
            return new Declined(Declined.AMOUNT_LIMIT_EXCEEDED, "amount above the per-transaction maximum");
        }
        if (src.contract().balance.compareTo(value.amt()) < 0) {
            return new Declined(Declined.INSUFFICIENT_FUNDS, "insufficient funds");
        }
        if (dst != null && over(dst.contract().balance.add(value.amt()), Checks.type(dst.contract()).maxBalance())) {
            return new Declined(Declined.BALANCE_LIMIT_EXCEEDED, "destination would exceed its maximum balance");
        }
        return null;
    }

    private static boolean over(BigDecimal value, BigDecimal limit) {
        return limit != null && value.compareTo(limit) > 0;
    }
}
