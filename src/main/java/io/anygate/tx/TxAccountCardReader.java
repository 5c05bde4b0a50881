package io.anygate.tx;

import io.anygate.domain.Card;
import io.anygate.domain.Person;
import io.anygate.domain.account.AccountCardReader;
import io.anygate.domain.card.OwnedCard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads a card of an account from TX: {@code GET card}, the card contract (its balance) and the holder subject.
 * The card is translated by {@link TxCardMapper#card}, as for the card routes: a TX status or restriction profile
 * outside the translation tables is refused ({@code UnknownCoreValue}).
 */
@ApplicationScoped
public class TxAccountCardReader implements AccountCardReader {

    /** Cards of one page read at the same time (each is up to three TX calls in flight). */
    static final int PARALLEL_CARDS = 8;

    @Inject
    TxCardCalls cards;

    @Inject
    TxContracts contracts;

    @Inject
    TxSubjects subjects;

    @Override
    public List<Optional<CardWithBalance>> readAll(List<OwnedCard> owned) {
        List<Optional<CardWithBalance>> out = new ArrayList<>(owned.size());
        // A few cards at a time: one page's reads overlap, without one request taking the whole TX bulkhead.
        for (int from = 0; from < owned.size(); from += PARALLEL_CARDS) {
            List<CompletionStage<Optional<CardWithBalance>>> chunk = owned
                    .subList(from, Math.min(owned.size(), from + PARALLEL_CARDS)).stream()
                    .map(card -> TxWire.onEventLoop(() -> readAsync(card)))
                    .toList();
            for (CompletionStage<Optional<CardWithBalance>> one : chunk) {
                out.add(TxAccountCore.call(() -> TxWire.await(one)));
            }
        }
        return out;
    }

    // The card and its contract's balance are read at once; the holder after the card, which names it.
    private CompletionStage<Optional<CardWithBalance>> readAsync(OwnedCard owned) {
        CompletionStage<BigDecimal> balance = contracts.contractAsync(ContractRef.ofId(owned.cardContractId()))
                .thenApply(Contract::availableOrZero);
        CompletionStage<Optional<Card>> card = cards.cardAsync(TxCardRef.ofId(owned.cardId()))
                .thenCompose(c -> {
                    if (c.holder() == null) {
                        return CompletableFuture.completedFuture(
                                TxCardMapper.card(c, owned, new Person(null, "", "", null, "", "", "", null, null)));
                    }
                    return subjects.subjectAsync(c.holder())
                            .thenApply(s -> TxCardMapper.card(c, owned, TxAccountHolders.toPerson(s)));
                })
                .thenApply(Optional::of)
                .exceptionallyCompose(e -> TxWire.unwrap(e) instanceof TxNotFoundException
                        ? CompletableFuture.completedFuture(Optional.empty())
                        : CompletableFuture.failedFuture(TxWire.unwrap(e)));
        // no card in TX: nothing to show, whatever the balance read answered
        return card.thenCompose(c -> c.isEmpty() ? CompletableFuture.completedFuture(Optional.<CardWithBalance>empty())
                : balance.thenApply(b -> Optional.of(new CardWithBalance(c.get(), b))));
    }
}
