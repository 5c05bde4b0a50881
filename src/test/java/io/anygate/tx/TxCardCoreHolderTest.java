package io.anygate.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.anygate.domain.card.OwnedCard;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A card read asks for the card's holder together with the card once it knows who the holder is, and believes the
 * card when it names another holder (or none): the early read is then dropped, never shown.
 */
class TxCardCoreHolderTest {

    static final OwnedCard CARD = new OwnedCard(300, "p1", 100, 200, "EUR", true);

    /** The subjects asked for, in order, and which of them were asked before the card. */
    final List<Long> asked = new ArrayList<>();
    final List<List<Long>> askedBeforeEachCardRead = new ArrayList<>();
    final Map<Long, Long> holderOfCard = new ConcurrentHashMap<>();

    final TxCardCore core = new TxCardCore();

    TxCardCoreHolderTest() {
        core.cards = new TxCardCalls() {
            @Override
            public CompletionStage<TxCard> cardAsync(TxCardRef ref) {
                askedBeforeEachCardRead.add(List.copyOf(asked));
                Long holder = holderOfCard.get(ref.id());
                return CompletableFuture.completedFuture(new TxCard(ref, null, holder == null ? null
                        : SubjectRef.ofId(holder), null, null, null, null, null, null, "Active", null, null, null,
                        null, null, null));
            }
        };
        core.subjects = new TxSubjects() {
            @Override
            public CompletionStage<Subject> subjectAsync(SubjectRef ref) {
                asked.add(ref.id());
                return CompletableFuture.completedFuture(new Subject(ref, null, Subject.PERSON,
                        SubjectDetails.person("First", "Holder" + ref.id(), LocalDate.of(1990, 1, 1), "Female", null,
                                List.of(), List.of(), List.of())));
            }
        };
    }

    @Test
    void theRememberedHolderIsAskedWithTheCardAndTheCardDecidesWhoTheHolderIs() {
        holderOfCard.put(CARD.cardId(), 10L);
        assertEquals("Holder10", core.card(CARD).holder().lastName());
        assertEquals(List.of(), askedBeforeEachCardRead.get(0)); // first read: the holder after the card

        assertEquals("Holder10", core.card(CARD).holder().lastName());
        assertEquals(List.of(10L, 10L), askedBeforeEachCardRead.get(1)); // warm: asked before the card answered

        holderOfCard.put(CARD.cardId(), 20L); // the card now names another holder: that one is shown
        assertEquals("Holder20", core.card(CARD).holder().lastName());
        assertEquals(List.of(10L, 10L, 10L, 20L), asked);

        holderOfCard.remove(CARD.cardId()); // no holder at all: none shown, the early read is dropped
        assertNull(core.card(CARD).holder());
        assertEquals(List.of(10L, 10L, 10L, 20L, 20L), asked);
        core.card(CARD);
        assertEquals(5, asked.size()); // and no holder is remembered any more
    }
}
