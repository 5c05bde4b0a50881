package io.anygate.tx;

import io.anygate.domain.AccountId;
import io.anygate.domain.CardRestrictions;
import io.anygate.domain.CardStatus;
import io.anygate.domain.CardType;
import io.anygate.domain.Person;
import io.anygate.domain.account.AccountCardReader;
import io.anygate.domain.account.AccountCoreException;
import io.anygate.domain.card.OwnedCard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads a card of an account from TX: {@code GET card}, the card contract (its balance) and the holder subject.
 * An unknown TX status reads as blocked (the card cannot be used until someone looks at it).
 */
@ApplicationScoped
public class TxAccountCardReader implements AccountCardReader {

    @Inject
    TxCards cards;

    @Inject
    TxContracts contracts;

    @Inject
    TxSubjects subjects;

    @Override
    public Optional<CardWithBalance> read(OwnedCard owned) {
        Card c;
        try {
            c = TxAccountCore.call(() -> cards.card(CardRef.ofId(owned.cardId())));
        } catch (AccountCoreException e) {
            if (e.kind() == AccountCoreException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        Contract contract = TxAccountCore.call(() -> contracts.contract(ContractRef.ofId(owned.cardContractId())));
        BigDecimal balance = contract.details() == null || contract.details().balances() == null
                || contract.details().balances().available() == null ? BigDecimal.ZERO
                : contract.details().balances().available();
        Person holder = c.holder() == null ? new Person(null, "", "", null, "", "", "", null, null)
                : TxAccountHolders.toPerson(TxAccountCore.call(() -> subjects.subject(c.holder())));
        return Optional.of(new CardWithBalance(toCard(c, owned, holder), balance));
    }

    static io.anygate.domain.Card toCard(Card c, OwnedCard owned, Person holder) {
        Card.Dates dates = c.dates();
        CardType type = owned.virtual()
                ? CardType.fromTx(c.product() == null ? null : c.product().rid(), null) : CardType.PLASTIC;
        if (owned.virtual() && type == CardType.PLASTIC) {
            type = CardType.VIRTUAL_MULTI_USE;
        }
        CardRestrictions restrictions = c.restrictionsProfile() == null ? CardRestrictions.ALL
                : CardRestrictions.fromRid(c.restrictionsProfile().rid()).orElse(CardRestrictions.ALL);
        return new io.anygate.domain.Card(io.anygate.domain.CardRef.ofTxCard(owned.cardId()),
                AccountId.ofTxContract(owned.accountId()), type, CardStatus.fromTx(c.status()).orElse(CardStatus.BLO),
                dates == null ? null : dates.creation(), dates == null ? null : dates.activation(),
                dates == null ? null : dates.expiration(), restrictions,
                c.names() == null ? null : c.names().emboss(), holder, owned.cardContractId());
    }
}
