package io.anygate.domain.card;

import io.anygate.domain.Address;
import io.anygate.domain.CardRestrictions;
import io.anygate.domain.CardType;
import io.anygate.domain.Country;
import io.anygate.domain.Gender;
import io.anygate.domain.account.OwnedAccount;
import io.anygate.domain.operation.Operation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * What a card order must remember in its journal entry to be resumed by anyone (another replica, the
 * reconciler): the order's parameters and the account's TX objects, as strings.
 */
record CardOrderData(long accountId, long holderSubjectId, String currency, CardType type, String embossedName,
        LocalDate expiry, BigDecimal amount, CardRestrictions restrictions, NewCard.Delivery delivery) {

    static Map<String, String> of(CardOrder rq, OwnedAccount account) {
        Map<String, String> m = new HashMap<>();
        m.put("accountId", Long.toString(account.accountId()));
        m.put("holderSubjectId", Long.toString(account.holderSubjectId()));
        m.put("currency", account.currency());
        m.put("type", rq.type().name());
        m.put("embossedName", rq.embossedName());
        m.put("expiry", rq.expiry().toString());
        m.put("amount", rq.amount().toPlainString());
        m.put("restrictions", rq.restrictions().rid());
        NewCard.Delivery d = rq.delivery();
        if (d != null) {
            m.put("d.company", d.companyName());
            m.put("d.gender", d.gender().anytimeCode());
            m.put("d.firstName", d.firstName());
            m.put("d.lastName", d.lastName());
            m.put("d.line1", d.address().line1());
            m.put("d.line2", d.address().line2());
            m.put("d.zip", d.address().zip());
            m.put("d.city", d.address().city());
            m.put("d.country", d.address().country().alpha2());
            m.put("d.language", d.language());
        }
        return m;
    }

    static CardOrderData read(Operation op) {
        Map<String, String> m = op.data();
        NewCard.Delivery delivery = null;
        if (m.containsKey("d.firstName")) {
            delivery = new NewCard.Delivery(m.get("d.company"), Gender.fromAnytime(m.get("d.gender")).orElseThrow(),
                    m.get("d.firstName"), m.get("d.lastName"), new Address(m.get("d.line1"), m.get("d.line2"),
                            m.get("d.zip"), m.get("d.city"), Country.fromAlpha2(m.get("d.country")).orElseThrow()),
                    m.get("d.language"));
        }
        return new CardOrderData(Long.parseLong(m.get("accountId")), Long.parseLong(m.get("holderSubjectId")),
                m.get("currency"), CardType.valueOf(m.get("type")), m.get("embossedName"),
                LocalDate.parse(m.get("expiry")), new BigDecimal(m.get("amount")),
                CardRestrictions.fromRid(m.get("restrictions")).orElse(CardRestrictions.ALL), delivery);
    }

    NewCard newCard(String rid, long cardContractId) {
        return new NewCard(rid, holderSubjectId, cardContractId, accountId, type, embossedName, expiry, restrictions,
                delivery);
    }
}
