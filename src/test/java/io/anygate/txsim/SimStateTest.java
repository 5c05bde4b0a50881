package io.anygate.txsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot save/load round trip: objects, balances, secrets, transactions, matchKeys and sequences survive. */
class SimStateTest {

    @TempDir
    Path dir;

    private static ObjectNode json(String text) {
        return (ObjectNode) SimJson.parse(text, "test");
    }

    @Test
    void roundTripThroughTheStateFile() throws Exception {
        SimState state = new SimState();
        Resolver resolver = new Resolver(state);
        SubjectWrites subjects = new SubjectWrites(state, resolver);
        ContractWrites contracts = new ContractWrites(state, resolver);
        CardWrites cards = new CardWrites(state, resolver);
        Transfers transfers = new Transfers(state, resolver);
        long holder = subjects.putSubject(json("{\"object\":{\"ref\":{\"rid\":\"S1\"},\"kind\":\"Person\"}}"), null, null)
                .body().get("objectId").asLong();
        long[] c = new long[2];
        for (int i = 0; i < 2; i++) {
            c[i] = contracts.putContract(json("{\"object\":{\"ref\":{\"rid\":\"A" + i + "\"},\"type\":{\"rid\":\"CT-ACCOUNT-CONSUMER\"},"
                    + "\"client\":{\"id\":" + holder + "},\"details\":{\"mainCcy\":\"EUR\"}}}"), null, null).body().get("objectId").asLong();
            contracts.activate(new Ref(c[i], null), null);
        }
        contracts.setBalance(new Ref(c[0], null), "Main", "EUR", json("{\"balance\":100.00}"), null);
        long card = cards.putCard(json("{\"object\":{\"holder\":{\"id\":" + holder + "},\"financialContract\":{\"id\":" + c[1]
                + "},\"status\":\"Active\",\"dates\":{\"expiration\":\"2031-01-31\"}}}"), null, null).body().get("objectId").asLong();
        assertEquals(200, transfers.account2account(json("{\"src\":{\"id\":" + c[0] + "},\"dst\":{\"id\":" + c[1]
                + "},\"value\":{\"amt\":12.34,\"ccy\":\"EUR\"},\"tranRq\":{\"match\":{\"key\":\"K1\"}}}"), "K1").status());

        Path file = dir.resolve("txsim/state.json");
        StateFile stateFile = new StateFile(file, 1000);
        stateFile.attach(state);
        stateFile.write();
        assertTrue(Files.exists(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temp file left behind");
        }

        SimState loaded = new StateFile(file, 1000).load();
        Views before = new Views(state);
        Views after = new Views(loaded);
        assertEquals(before.contract(state.contracts.get(c[0])), after.contract(loaded.contracts.get(c[0])));
        assertEquals(new BigDecimal("12.34"), loaded.contracts.get(c[1]).balance);
        assertEquals(before.card(state.cards.get(card)), after.card(loaded.cards.get(card)));
        assertEquals(state.cards.get(card).pan, loaded.cards.get(card).pan);
        assertEquals(state.cards.get(card).pin, loaded.cards.get(card).pin);
        assertEquals(c[0], new Resolver(loaded).contract(new Ref(null, "A0"), "ref").id);
        assertEquals(state.tranByKey.get("K1"), loaded.tranByKey.get("K1"));
        assertEquals(state.trans.size(), loaded.trans.size());
        // sequences continue where they were: no id is handed out twice after a restart
        long nextSubject = new SubjectWrites(loaded, new Resolver(loaded))
                .putSubject(json("{\"object\":{\"kind\":\"Person\"}}"), null, null).body().get("objectId").asLong();
        assertFalse(state.subjects.containsKey(nextSubject));
        // the replay answer survives too
        assertEquals(200, new MatchKeys(loaded, TxSimConfig.RepeatedKey.REPLAY).run("K1", () -> {
            throw new AssertionError("a replayed key must not run again");
        }).status());
    }
}
