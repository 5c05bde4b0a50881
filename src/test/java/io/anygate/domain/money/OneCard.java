package io.anygate.domain.money;

import io.anygate.domain.card.CardOwnership;
import io.anygate.domain.card.OwnedCard;
import java.util.List;
import java.util.Optional;

/** Card ownership with a single card, for domain tests. */
record OneCard(OwnedCard card) implements CardOwnership {

    @Override
    public Optional<OwnedCard> find(String partnerId, long cardId) {
        return card.partnerId().equals(partnerId) && card.cardId() == cardId ? Optional.of(card) : Optional.empty();
    }

    @Override
    public List<OwnedCard> listByAccount(String partnerId, long accountId, int offset, int limit) {
        return find(partnerId, card.cardId()).filter(c -> c.accountId() == accountId).stream().toList();
    }

    @Override
    public long countByAccount(String partnerId, long accountId) {
        return listByAccount(partnerId, accountId, 0, 1).size();
    }

    @Override
    public long countWithOrdersUnderWay(String partnerId, long accountId) {
        return countByAccount(partnerId, accountId);
    }

    @Override
    public List<OwnedCard> listAll(String partnerId, long afterCardId, int limit) {
        return find(partnerId, card.cardId()).filter(c -> c.cardId() > afterCardId).stream().toList();
    }

    @Override
    public void register(OwnedCard card, String operationId) {
        throw new UnsupportedOperationException();
    }
}
