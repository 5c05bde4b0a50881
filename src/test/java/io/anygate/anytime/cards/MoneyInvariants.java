package io.anygate.anytime.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anygate.anytime.cards.RestartLoad.Planned;
import io.anygate.anytime.cards.RestartLoad.Sent;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationKind;
import io.anygate.testsupport.ProcessStore;
import io.anygate.testsupport.SimulatorHttp;
import io.anygate.testsupport.WebhookReceiver;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What must hold after a chaos run on some cards (issue 5), checked against three witnesses: TX (the simulator's
 * balances and transactions), the gateway's operation journal (read from its store) and the partner (the answers
 * it got and the webhooks its endpoint received). Made before the run: it records the opening balances and the
 * transactions that already existed, so that only the run's operations are counted.
 */
final class MoneyInvariants {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A card of the run: its card_ref, its TX card contract and its account's TX contract (acc_id). */
    record Card(String cardRef, long cardId, long cardContract, long accountContract) {
    }

    /** One load or unload of the gateway's operation journal. */
    record JournalOp(String id, String kind, String state, long cardId, BigDecimal amount, Long txTranId,
            String idempotencyKey, Instant createdAt) {

        boolean credit() {
            return OperationKind.CARD_CREDIT.name().equals(kind);
        }

        boolean approved() {
            return "APPROVED".equals(state);
        }

        boolean unresolved() {
            return "PENDING".equals(state) || "UNKNOWN".equals(state);
        }

        BigDecimal signedForCard() {
            return credit() ? amount : amount.negate();
        }

        String matchKey() {
            return "agw-" + id + "-transfer";
        }
    }

    private final SimulatorHttp sim;
    private final List<Card> cards;
    private final Map<Long, BigDecimal> opening = new TreeMap<>();
    private final Map<Long, Set<Long>> tranIdsBefore = new HashMap<>();

    private MoneyInvariants(SimulatorHttp sim, List<Card> cards) {
        this.sim = sim;
        this.cards = List.copyOf(cards);
    }

    /** Records the opening balance and the existing transactions of every card and account contract. */
    static MoneyInvariants opening(SimulatorHttp sim, List<Card> cards) throws Exception {
        MoneyInvariants invariants = new MoneyInvariants(sim, cards);
        for (long contract : cards.stream().flatMap(c -> Stream.of(c.cardContract(), c.accountContract()))
                .collect(Collectors.toCollection(TreeSet::new))) {
            invariants.opening.put(contract, sim.balance(contract));
            invariants.tranIdsBefore.put(contract, sim.trans(contract).stream().map(t -> t.path("id").asLong())
                    .collect(Collectors.toSet()));
        }
        return invariants;
    }

    /** The ids of the transfers TX approved on the cards since the opening. */
    List<Long> approvedInTx() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (Card c : cards) {
            newApproved(c.cardContract()).forEach(t -> ids.add(t.path("id").asLong()));
        }
        return ids;
    }

    /** The loads and unloads of the journal on the cards created at or after {@code since}. */
    List<JournalOp> journal(ProcessStore store, Instant since) throws Exception {
        Set<Long> cardIds = cards.stream().map(Card::cardId).collect(Collectors.toSet());
        return readJournal(store).stream().filter(op -> cardIds.contains(op.cardId())
                && !op.createdAt().isBefore(since)).toList();
    }

    static List<JournalOp> readJournal(ProcessStore store) throws Exception {
        List<JournalOp> ops = new ArrayList<>();
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement("SELECT operation_id, kind,"
                + " state, card_id, amount, tx_tran_id, idempotency_key, created_at FROM operation"
                + " WHERE kind IN ('CARD_CREDIT', 'CARD_DEBIT')"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long tran = rs.getLong("tx_tran_id");
                Long tranId = rs.wasNull() ? null : tran;
                ops.add(new JournalOp(rs.getString("operation_id"), rs.getString("kind"), rs.getString("state"),
                        rs.getLong("card_id"), rs.getBigDecimal("amount"), tranId, rs.getString("idempotency_key"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()));
            }
        }
        return ops;
    }

    /**
     * Every answer the partner got agrees with the journal: a 200 is an APPROVED operation of the same card,
     * direction, amount and Idempotency-Key; a refusal is never APPROVED.
     */
    void answersMatchJournal(List<Sent> answers, List<JournalOp> ops, String partnerId) {
        Map<Long, JournalOp> byTran = new HashMap<>();
        Map<String, JournalOp> byId = new HashMap<>();
        for (JournalOp op : ops) {
            byId.put(op.id(), op);
            if (op.approved()) {
                assertNotNull(op.txTranId(), "approved without a TX transaction: " + op);
                assertEquals(null, byTran.put(op.txTranId(), op), "two operations on TX transaction " + op.txTranId());
            }
        }
        for (Sent s : answers) {
            Planned p = s.planned();
            String keyed = p.idempotencyKey() == null ? null : OperationId.fromIdempotencyKey(partnerId,
                    p.credit() ? OperationKind.CARD_CREDIT : OperationKind.CARD_DEBIT, p.idempotencyKey()).value();
            if (s.approved()) {
                JournalOp op = byTran.get(s.transactionId());
                assertNotNull(op, "answered 200 but no approved operation for TX transaction " + s.transactionId()
                        + ": " + s);
                assertEquals(p.cardRef(), cardRef(op.cardId()), "card of " + op);
                assertEquals(p.credit(), op.credit(), "direction of " + op);
                assertEquals(0, p.amount().compareTo(op.amount()), "amount of " + op);
                assertEquals(p.idempotencyKey(), op.idempotencyKey(), "Idempotency-Key of " + op);
                if (keyed != null) {
                    assertEquals(keyed, op.id(), "the operation the Idempotency-Key names");
                }
            } else if (s.declined()) {
                String id = s.operationId() != null ? s.operationId() : keyed;
                JournalOp op = id == null ? null : byId.get(id);
                assertTrue(op == null || !op.approved(), "refused to the partner (" + s.errorCode()
                        + ") but approved in the journal: " + op);
            }
        }
    }

    /** TX balances = opening + approved operations, per contract and exactly; the total does not move. */
    void balances(List<JournalOp> approved) throws Exception {
        Map<Long, BigDecimal> expected = new TreeMap<>(opening);
        for (JournalOp op : approved) {
            Card card = card(op.cardId());
            expected.merge(card.cardContract(), op.signedForCard(), BigDecimal::add);
            expected.merge(card.accountContract(), op.signedForCard().negate(), BigDecimal::add);
        }
        BigDecimal totalBefore = BigDecimal.ZERO;
        BigDecimal totalAfter = BigDecimal.ZERO;
        for (Map.Entry<Long, BigDecimal> e : expected.entrySet()) {
            BigDecimal actual = sim.balance(e.getKey());
            assertEquals(0, e.getValue().compareTo(actual), "TX balance of contract " + e.getKey() + ": expected "
                    + e.getValue() + " (opening " + opening.get(e.getKey()) + " + approved), TX has " + actual);
            totalBefore = totalBefore.add(opening.get(e.getKey()));
            totalAfter = totalAfter.add(actual);
        }
        assertEquals(0, totalBefore.compareTo(totalAfter), "money created or destroyed: " + totalBefore + " -> "
                + totalAfter);
    }

    /**
     * TX's approved transfers since the opening are exactly the approved operations: each matchKey applied once,
     * under the operation's transaction id; the accounts saw no other transfer.
     */
    void eachMatchKeyAppliedOnce(List<JournalOp> approved) throws Exception {
        Set<Long> cardTrans = new HashSet<>();
        for (Card c : cards) {
            Map<String, Long> txByKey = new HashMap<>();
            for (JsonNode t : newApproved(c.cardContract())) {
                String key = t.path("matchKey").asText();
                assertEquals(null, txByKey.put(key, t.path("id").asLong()), "matchKey " + key + " applied twice");
                cardTrans.add(t.path("id").asLong());
            }
            Map<String, Long> journalByKey = approved.stream().filter(op -> op.cardId() == c.cardId())
                    .collect(Collectors.toMap(JournalOp::matchKey, JournalOp::txTranId));
            assertEquals(journalByKey, txByKey, "approved transfers in TX vs approved operations, card " + c.cardRef());
        }
        Set<Long> accountTrans = new HashSet<>();
        for (long account : cards.stream().map(Card::accountContract).collect(Collectors.toSet())) {
            newApproved(account).forEach(t -> accountTrans.add(t.path("id").asLong()));
        }
        assertEquals(cardTrans, accountTrans, "the accounts' approved transfers are their cards' ones");
    }

    /**
     * Every approved operation's card_last_tx reached the partner's endpoint, and no TX transaction was delivered
     * under two event ids.
     */
    static void webhooks(List<JournalOp> approved, WebhookReceiver receiver) throws Exception {
        for (JournalOp op : approved) {
            assertTrue(receiver.count("card_last_tx:" + op.txTranId()) > 0, "no card_last_tx for " + op);
        }
        Map<String, Set<String>> eventsPerTxid = new HashMap<>();
        for (WebhookReceiver.Delivery d : receiver.deliveries()) {
            JsonNode body = JSON.readTree(d.body()).path("body");
            if ("card_last_tx".equals(body.path("method").asText())) {
                eventsPerTxid.computeIfAbsent(body.path("transaction").path("txid").asText(), k -> new HashSet<>())
                        .add(d.eventId());
            }
        }
        eventsPerTxid.forEach((txid, events) -> assertEquals(Set.of("card_last_tx:" + txid), events,
                "event ids of TX transaction " + txid));
    }

    /** The approved transfers on a contract that it did not have at the opening. */
    private List<JsonNode> newApproved(long contract) throws Exception {
        return sim.trans(contract).stream().filter(t -> "Approved".equals(t.path("result").asText())
                && !tranIdsBefore.get(contract).contains(t.path("id").asLong())).toList();
    }

    private Card card(long cardId) {
        return cards.stream().filter(c -> c.cardId() == cardId).findFirst().orElseThrow();
    }

    private String cardRef(long cardId) {
        return card(cardId).cardRef();
    }
}
