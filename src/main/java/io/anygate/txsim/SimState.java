package io.anygate.txsim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Everything the simulator knows, in memory. Writers run inside {@link #mutate} (a shared lock, so they run in
 * parallel and take per-contract locks among themselves); {@link #snapshot} takes the exclusive side, so a
 * snapshot never sees half a transfer.
 */
final class SimState {

    final Map<Long, SimSubject> subjects = new ConcurrentHashMap<>();
    final Map<String, Long> subjectRids = new ConcurrentHashMap<>();
    final Map<Long, SimContract> contracts = new ConcurrentHashMap<>();
    final Map<String, Long> contractRids = new ConcurrentHashMap<>();
    final Map<Long, SimCard> cards = new ConcurrentHashMap<>();
    final Map<String, Long> cardRids = new ConcurrentHashMap<>();
    final Map<String, Long> cardPans = new ConcurrentHashMap<>();
    final Map<Long, SimLink> links = new ConcurrentHashMap<>();
    final Map<Long, SimDocument> documents = new ConcurrentHashMap<>();
    final ConcurrentSkipListMap<Long, SimTran> trans = new ConcurrentSkipListMap<>();
    /**
     * The transactions of each contract and of each card, by id: {@code GET trans} pages through one contract's or
     * card's history, as a real core answers from an index, not by scanning every transaction it ever registered.
     */
    final Map<Long, ConcurrentSkipListMap<Long, SimTran>> transByContract = new ConcurrentHashMap<>();
    final Map<Long, ConcurrentSkipListMap<Long, SimTran>> transByCard = new ConcurrentHashMap<>();
    /** matchKey → id of the approved transaction it was assigned to. */
    final Map<String, Long> tranByKey = new ConcurrentHashMap<>();

    final AtomicLong subjectSeq = new AtomicLong(1000);
    final AtomicLong contractSeq = new AtomicLong(1000);
    final AtomicLong cardSeq = new AtomicLong(1000);
    final AtomicLong linkSeq = new AtomicLong(1000);
    final AtomicLong documentSeq = new AtomicLong(1000);
    final AtomicLong tranSeq = new AtomicLong(1000);

    private final ReentrantReadWriteLock snapshotLock = new ReentrantReadWriteLock();
    private volatile Runnable onChange = () -> { };

    /** The serialised form of the state (the state file). */
    record Snapshot(int version, long subjectSeq, long contractSeq, long cardSeq, long linkSeq, long documentSeq,
            long tranSeq, List<SimSubject> subjects, List<SimContract> contracts, List<SimCard> cards,
            List<SimLink> links, List<SimDocument> documents, List<SimTran> trans) {
    }

    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    <T> T mutate(Supplier<T> work) {
        snapshotLock.readLock().lock();
        try {
            return work.get();
        } finally {
            snapshotLock.readLock().unlock();
            onChange.run();
        }
    }

    /** A new transaction, not yet registered, stamped now (UTC, whole seconds: the precision {@code regTime} shows). */
    SimTran newTran(String operation, String kind, String matchKey) {
        SimTran t = new SimTran();
        t.id = tranSeq.getAndIncrement();
        t.regTime = SimClock.seconds();
        t.operation = operation;
        t.kind = kind;
        t.matchKey = matchKey;
        return t;
    }

    /**
     * Gives a money transaction its final id under the locks of the contracts it touches, right before it is
     * registered: a contract's transactions then appear in id order, which a reader following a contract with an
     * id cursor relies on (docs/tx-contract.md). Numbered before the locks, a transfer could be overtaken by a
     * later-numbered one and land behind a cursor that already passed it.
     */
    void numberUnderLock(SimTran t) {
        t.id = tranSeq.getAndIncrement();
    }

    /** Marks a transaction approved, with its 200 answer ({@code objectId} for object writes). */
    static SimTran approve(SimTran t, Long objectId) {
        t.result = SimTran.APPROVED;
        t.approvalCode = String.format("A%06d", t.id % 1_000_000);
        t.objectId = objectId;
        t.answer = SimJson.object().put("tranId", t.id).put("approvalCode", t.approvalCode);
        if (objectId != null) {
            t.answer.put("objectId", objectId);
        }
        return t;
    }

    static SimTran decline(SimTran t, Declined d) {
        t.result = SimTran.DECLINED;
        t.code = d.code();
        t.description = d.getMessage();
        return t;
    }

    private static void index(Map<Long, ConcurrentSkipListMap<Long, SimTran>> index, Long owner, SimTran tran) {
        if (owner != null) {
            index.computeIfAbsent(owner, k -> new ConcurrentSkipListMap<>()).put(tran.id, tran);
        }
    }

    /** Registers a transaction; an approved one with a matchKey gets the key assigned. */
    SimTran register(SimTran tran) {
        trans.put(tran.id, tran);
        index(transByContract, tran.srcContractId, tran);
        index(transByContract, tran.dstContractId, tran);
        index(transByCard, tran.srcCardId, tran);
        index(transByCard, tran.dstCardId, tran);
        if (tran.approved() && tran.matchKey != null) {
            tranByKey.put(tran.matchKey, tran.id);
        }
        return tran;
    }

    /** The whole state as JSON bytes, taken while no writer runs. */
    byte[] snapshot() throws IOException {
        snapshotLock.writeLock().lock();
        try {
            Snapshot s = new Snapshot(1, subjectSeq.get(), contractSeq.get(), cardSeq.get(), linkSeq.get(),
                    documentSeq.get(), tranSeq.get(), sorted(subjects, x -> x.id), sorted(contracts, x -> x.id),
                    sorted(cards, x -> x.id), sorted(links, x -> x.id), sorted(documents, x -> x.id),
                    new ArrayList<>(trans.values()));
            return SimJson.MAPPER.writeValueAsBytes(s);
        } finally {
            snapshotLock.writeLock().unlock();
        }
    }

    /** A fresh state from snapshot bytes. */
    static SimState restore(byte[] json) throws IOException {
        Snapshot s = SimJson.MAPPER.readValue(json, Snapshot.class);
        SimState state = new SimState();
        state.subjectSeq.set(s.subjectSeq());
        state.contractSeq.set(s.contractSeq());
        state.cardSeq.set(s.cardSeq());
        state.linkSeq.set(s.linkSeq());
        state.documentSeq.set(s.documentSeq());
        state.tranSeq.set(s.tranSeq());
        for (SimSubject x : nonNull(s.subjects())) {
            state.subjects.put(x.id, x);
            if (x.rid != null) {
                state.subjectRids.put(x.rid, x.id);
            }
        }
        for (SimContract x : nonNull(s.contracts())) {
            state.contracts.put(x.id, x);
            if (x.rid != null) {
                state.contractRids.put(x.rid, x.id);
            }
        }
        for (SimCard x : nonNull(s.cards())) {
            state.cards.put(x.id, x);
            state.cardPans.put(x.pan, x.id);
            if (x.rid != null) {
                state.cardRids.put(x.rid, x.id);
            }
        }
        nonNull(s.links()).forEach(x -> state.links.put(x.id, x));
        nonNull(s.documents()).forEach(x -> state.documents.put(x.id, x));
        nonNull(s.trans()).forEach(state::register);
        return state;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> List<T> sorted(Map<Long, T> map, java.util.function.ToLongFunction<T> id) {
        List<T> list = new ArrayList<>(map.values());
        list.sort(Comparator.comparingLong(id));
        return list;
    }
}
