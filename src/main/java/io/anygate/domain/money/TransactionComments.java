package io.anygate.domain.money;

import io.anygate.domain.operation.MoneyComments;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The partner's comments on its card loads and unloads, found by the TX transaction that applied them (port; the
 * store reads them from the operation journal). TX's transactions carry no free text, so a view of TX transactions
 * asks this for the whole page at once, never per line.
 */
public interface TransactionComments {

    /**
     * The comments of those {@code tranIds} that are journaled as approved card loads or unloads of {@code partnerId},
     * by TX transaction id ({@link MoneyComments#NONE} for one without comments); any other transaction (another
     * partner's, a purchase, a load whose approval is not journaled yet) is absent. One store read for a page of
     * transactions (up to 1000 ids).
     */
    Map<Long, MoneyComments> of(String partnerId, Collection<Long> tranIds);

    /** The card-side comments of these transactions (what the card's views show), by TX transaction id. */
    default Map<Long, String> cardSide(String partnerId, Collection<Long> tranIds) {
        return side(of(partnerId, tranIds), MoneyComments::card);
    }

    /** The account-side comments of these transactions (what the account statement shows), by TX transaction id. */
    default Map<Long, String> accountSide(String partnerId, Collection<Long> tranIds) {
        return side(of(partnerId, tranIds), MoneyComments::account);
    }

    private static Map<Long, String> side(Map<Long, MoneyComments> all, Function<MoneyComments, String> side) {
        Map<Long, String> out = new HashMap<>();
        all.forEach((tranId, comments) -> {
            String text = side.apply(comments);
            if (text != null) {
                out.put(tranId, text);
            }
        });
        return out;
    }
}
