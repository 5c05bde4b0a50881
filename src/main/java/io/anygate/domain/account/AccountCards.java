package io.anygate.domain.account;

import io.anygate.domain.card.CardOwnership;
import io.anygate.domain.card.OwnedCard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The cards of an account ({@code GET /v1.0/accounts/{id}/cards}): ownership first, then TX per card. */
@ApplicationScoped
public class AccountCards {

    private static final Logger LOG = Logger.getLogger(AccountCards.class);

    @Inject
    Accounts accounts;

    @Inject
    CardOwnership cards;

    @Inject
    AccountCardReader reader;

    /** A page of cards and the exact count of the account's cards. */
    public record Page(OwnedAccount account, List<AccountCardReader.CardWithBalance> cards, long total) {
    }

    public Page list(String partnerId, long accountId, long offset, int limit) {
        OwnedAccount a = accounts.owned(partnerId, accountId);
        long total = cards.countByAccount(partnerId, accountId);
        List<OwnedCard> owned = offset >= total ? List.of()
                : cards.listByAccount(partnerId, accountId, (int) offset, limit);
        List<Optional<AccountCardReader.CardWithBalance>> found = Accounts.guarded(() -> reader.readAll(owned));
        List<AccountCardReader.CardWithBalance> read = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i).isEmpty()) {
                LOG.warnf("card %d of account %d is registered but unknown to TX", owned.get(i).cardId(), accountId);
            }
            found.get(i).ifPresent(read::add);
        }
        return new Page(a, read, total);
    }
}
