package io.anygate.tx;

import io.anygate.domain.AccountId;
import io.anygate.domain.Card;
import io.anygate.domain.CardRestrictions;
import io.anygate.domain.CardStatus;
import io.anygate.domain.CardType;
import io.anygate.domain.CoreTransaction;
import io.anygate.domain.Person;
import io.anygate.domain.UnknownCoreValue;
import io.anygate.domain.card.CardMappingConfig;
import io.anygate.domain.card.NewCard;
import io.anygate.domain.card.OwnedCard;
import java.util.List;

/** Translations between TX cards and transactions and the domain's {@code Card} and {@code CoreTransaction}. */
final class TxCardMapper {

    private TxCardMapper() {
    }

    /** The TX card to create for a new domain card. */
    static TxCard newCard(NewCard n, CardMappingConfig config) {
        String product = n.type().isVirtual() ? config.cards().virtualProduct() : config.cards().physicalProduct();
        TxCard.Logistics logistics = null;
        if (n.delivery() != null) {
            NewCard.Delivery d = n.delivery();
            logistics = new TxCard.Logistics(new TxAddress(d.address().zip(), d.address().country().numeric(), null,
                    null, d.address().city(), d.address().line1(), null, null, null, d.address().line2(), null,
                    (d.firstName() + " " + d.lastName()).trim(), null, null, null));
        }
        return new TxCard(TxCardRef.ofRid(n.rid()), null, SubjectRef.ofId(n.holderSubjectId()), null,
                ContractRef.ofId(n.accountContractId()), ContractRef.ofId(n.cardContractId()),
                CatalogueRef.ofRid(product), CatalogueRef.ofRid(config.cards().design()), null,
                n.type().isVirtual() ? CardStatus.ACT.txStatus() : CardStatus.ORD.txStatus(), null,
                CatalogueRef.ofRid(n.restrictions().rid()), new TxCard.Names(n.embossedName(), null, null),
                new TxCard.Dates(null, null, null, n.expiry(), null), logistics,
                List.of(new UserAttr(CardType.TX_USER_ATTR, n.type().name())));
    }

    /**
     * The domain card of a TX card the partner owns: the one translation of a TX card, for the card routes and the
     * account's card list alike.
     */
    static Card card(TxCard c, OwnedCard owned, Person holder) {
        CardStatus status = status(c);
        CardRestrictions restrictions = restrictions(c);
        TxCard.Dates dates = c.dates();
        return new Card(io.anygate.domain.CardRef.ofTxCard(owned.cardId()),
                AccountId.ofTxContract(owned.accountId()),
                type(c), status, dates == null ? null : dates.creation(), dates == null ? null : dates.activation(),
                dates == null ? null : dates.expiration(), restrictions,
                c.names() == null ? null : c.names().emboss(), holder, owned.cardContractId());
    }

    /** The card's Anytime type: the one the gateway recorded on the card, else what its product says. */
    static CardType type(TxCard c) {
        return CardType.fromTx(c.product() == null ? null : c.product().rid(), c.userAttr(CardType.TX_USER_ATTR));
    }

    /** The card's status; one outside the table is refused, never read as another (docs/tx-contract.md). */
    static CardStatus status(TxCard c) {
        return CardStatus.fromTx(c.status()).orElseThrow(() -> UnknownCoreValue.of("card status", c.status()));
    }

    /** The card's restriction profile: none set reads as no restriction; one outside the table is refused. */
    static CardRestrictions restrictions(TxCard c) {
        String rid = c.restrictionsProfile() == null ? null : c.restrictionsProfile().rid();
        return rid == null ? CardRestrictions.ALL
                : CardRestrictions.fromRid(rid).orElseThrow(() -> UnknownCoreValue.of("card restriction profile", rid));
    }

    /** The domain view of a TX transaction. */
    static CoreTransaction transaction(Tran t) {
        MonetaryValue customer = t.values() == null ? null : t.values().customer();
        MonetaryValue clearing = t.values() == null ? null : t.values().clearing();
        String merchant = t.terminal() == null ? null : t.terminal().name();
        return new CoreTransaction(t.id(), t.regTime(), t.kind(), Boolean.TRUE.equals(t.isReversal()), t.lifePhase(),
                customer == null ? null : customer.amt(), customer == null ? null : customer.ccy(),
                clearing == null ? null : clearing.amt(), clearing == null ? null : clearing.ccy(),
                t.terminal() == null ? null : t.terminal().merchantCategory(), merchant, result(t),
                contractId(t.src()), contractId(t.dst()));
    }

    /** The transaction's {@code result} as {@link Tran#approved()} and {@link Tran#declined()} read it; anything else is refused. */
    static String result(Tran t) {
        if (t.approved() || t.declined()) {
            return t.result();
        }
        throw UnknownCoreValue.of("transaction result", t.result());
    }

    private static Long contractId(Tran.Party p) {
        return p == null || p.contract() == null ? null : p.contract().id();
    }
}
