package io.anygate.tx;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** TX cards and their secrets (PAN, CVV2, PIN block), fault tolerant. Never log what the secret reads return. */
@ApplicationScoped
public class TxCardCalls {

    @Inject
    @RestClient
    TxCardsRestClient cards;

    @Inject
    TxReplayLookup replays;

    /** The card under {@code ref} (PAN masked); {@link TxNotFoundException} when none. */
    @TxOperation("card.get")
    public CompletionStage<TxCard> cardAsync(TxCardRef ref) {
        return TxWire.callAsync(() -> cards.getAsync(ref.id(), ref.rid()));
    }

    /** {@link #cardAsync}, waited for (a self-invocation: ArC applies the interceptors to it). */
    public TxCard card(TxCardRef ref) {
        return TxWire.await(TxWire.onEventLoop(() -> cardAsync(ref)));
    }

    /**
     * Changes an existing card ({@code PUT /tx/v1/card}), a full replace: TX's {@code card} object has a required
     * {@code dates.expiration}, and a PUT that leaves out a field may clear it. So the card is read as TX has it,
     * every field kept (those the gateway does not model too), {@code change} edits that copy, and the whole
     * object is written back. Each attempt reads again, so a retry after a lost answer writes what it read.
     */
    @TxOperation("card.update")
    public ModifyTranApproveRs updateCard(TxCardRef ref, UnaryOperator<ObjectNode> change, TxMatchKey key) {
        Objects.requireNonNull(key, "matchKey");
        ObjectNode current = TxWire.call(() -> cards.getObject(ref.id(), ref.rid()));
        ObjectNode updated = withoutNulls(change.apply(current.deepCopy()));
        TxRequests.ObjectRq<ObjectNode> rq = new TxRequests.ObjectRq<>(updated, TranRqExtraAttrs.of(key));
        long id = current.path("ref").path("id").asLong();
        return TxReplays.write(key, () -> cards.putObject(rq),
                () -> new ModifyTranApproveRs(replays.tranIdOrNull(key), null, id));
    }

    // A field TX answered as null is not written back: absent says the same, and a null is no date or string.
    static ObjectNode withoutNulls(ObjectNode object) {
        List<String> nulls = new ArrayList<>();
        object.fieldNames().forEachRemaining(n -> {
            if (object.get(n).isNull()) {
                nulls.add(n);
            } else if (object.get(n) instanceof ObjectNode child) {
                withoutNulls(child);
            }
        });
        object.remove(nulls);
        return object;
    }

    /**
     * Creates or updates a card ({@code PUT /tx/v1/card}). {@code ref.rid} is required: a repeat answered
     * "already processed" is recovered by reading the card back by it.
     */
    @TxOperation("card.put")
    public ModifyTranApproveRs putCard(TxCard card, TxMatchKey key) {
        Objects.requireNonNull(key, "matchKey");
        String rid = Objects.requireNonNull(card.ref() == null ? null : card.ref().rid(), "card.ref.rid");
        TxRequests.ObjectRq<TxCard> rq = new TxRequests.ObjectRq<>(card, TranRqExtraAttrs.of(key));
        return TxReplays.write(key, () -> cards.put(rq), () -> {
            TxCard original = TxWire.call(() -> cards.get(null, rid));
            return new ModifyTranApproveRs(replays.tranIdOrNull(key), null, original.ref().id());
        });
    }

    /** One page of a holder's cards ({@code status} may be null). */
    @TxOperation("card.list")
    public TxList<TxCard> cards(SubjectRef holder, String status, TxPage page) {
        Map<String, String> q = new LinkedHashMap<>();
        TxQuery.ref(q, "filter", "holderId", holder.id(), "holderRid", holder.rid());
        TxQuery.put(q, "filter[status]", status);
        TxQuery.page(q, page);
        return TxWire.call(() -> cards.list(q));
    }

    /** The card's full PAN. */
    @TxOperation("card.pan")
    public SensitiveRs.PanRs pan(TxCardRef ref) {
        return TxWire.call(() -> cards.pan(ref.id(), ref.rid()));
    }

    /** The card's CVV2. */
    @TxOperation("card.cvv2")
    public SensitiveRs.Cvv2Rs cvv2(TxCardRef ref) {
        return TxWire.call(() -> cards.cvv2(ref.id(), ref.rid()));
    }

    /** The card's encrypted PIN block. */
    @TxOperation("card.pin")
    public SensitiveRs.PinRs pin(TxCardRef ref) {
        return TxWire.call(() -> cards.pin(ref.id(), ref.rid()));
    }

    /**
     * Reissues a card ({@code POST /tx/v1/card/reissue}): TX creates a new card on the same contracts and closes
     * the old one. The old card is read as TX has it and {@code newCardFromOld} makes the new card's object of it
     * (a {@code card}, so with the required {@code dates.expiration}); its {@code ref.rid} is required: a repeat
     * answered "already processed" is recovered by reading the new card back by it. Answers the new card's id as
     * {@code objectId}.
     */
    @TxOperation("card.reissue")
    public ModifyTranApproveRs reissue(TxCardRef old, UnaryOperator<ObjectNode> newCardFromOld, boolean keepPan,
            boolean keepPin, boolean keepLimits, TxMatchKey key) {
        Objects.requireNonNull(key, "matchKey");
        ObjectNode oldCard = TxWire.call(() -> cards.getObject(old.id(), old.rid()));
        ObjectNode newCard = withoutNulls(newCardFromOld.apply(oldCard.deepCopy()));
        String rid = Objects.requireNonNull(newCard.path("ref").path("rid").textValue(), "newCard.ref.rid");
        TxRequests.ReissueRq rq = new TxRequests.ReissueRq(
                new TxRequests.CopyFromOldCard(keepPan, keepPin, keepLimits, false), newCard, TranRqExtraAttrs.of(key));
        return TxReplays.write(key, () -> cards.reissue(old.id(), old.rid(), rq), () -> {
            TxCard created = TxWire.call(() -> cards.get(null, rid));
            return new ModifyTranApproveRs(replays.tranIdOrNull(key), null, created.ref().id());
        });
    }

    /** Closes a card for good ({@code DELETE /tx/v1/card}); a compensation of a card order. */
    @TxOperation("card.delete")
    public TranApproveRs deleteCard(TxCardRef ref, TxMatchKey key) {
        Objects.requireNonNull(key, "matchKey");
        TxRequests.TranRq rq = new TxRequests.TranRq(TranRqExtraAttrs.of(key));
        return TxReplays.write(key, () -> cards.delete(ref.id(), ref.rid(), rq),
                () -> replays.approval(key));
    }
}
