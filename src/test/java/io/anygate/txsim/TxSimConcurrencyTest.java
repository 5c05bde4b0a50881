package io.anygate.txsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** 8 threads x 200 random transfers among 5 contracts: no lost update, no negative balance, money conserved. */
@QuarkusTest
class TxSimConcurrencyTest {

    @Test
    void concurrentTransfersConserveMoneyExactly() throws Exception {
        int contracts = 5;
        long[] ids = new long[contracts];
        BigDecimal[] expected = new BigDecimal[contracts];
        for (int i = 0; i < contracts; i++) {
            ids[i] = TxApi.account("EUR", "100.00");
            expected[i] = new BigDecimal("100.00");
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<List<int[]>>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            long seed = w;
            workers.add(() -> {
                Random random = new Random(seed);
                List<int[]> approved = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    int from = random.nextInt(contracts);
                    int to = (from + 1 + random.nextInt(contracts - 1)) % contracts;
                    int cents = 1 + random.nextInt(4000);
                    Response r = TxApi.a2a(ids[from], ids[to], BigDecimal.valueOf(cents, 2).toPlainString(), "EUR", null);
                    if (r.statusCode() == 200) {
                        approved.add(new int[] {from, to, cents});
                    } else {
                        assertEquals(422, r.statusCode());
                        assertEquals("INSUFFICIENT_FUNDS", r.jsonPath().getString("code"));
                    }
                }
                return approved;
            });
        }
        int approvedCount = 0;
        try {
            for (Future<List<int[]>> f : pool.invokeAll(workers)) {
                for (int[] t : f.get()) {
                    BigDecimal amt = BigDecimal.valueOf(t[2], 2);
                    expected[t[0]] = expected[t[0]].subtract(amt);
                    expected[t[1]] = expected[t[1]].add(amt);
                    approvedCount++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < contracts; i++) {
            BigDecimal actual = TxApi.balance(ids[i]);
            assertTrue(actual.signum() >= 0, "negative balance " + actual);
            assertEquals(expected[i], actual);
            sum = sum.add(actual);
        }
        assertEquals(new BigDecimal("500.00"), sum);
        assertTrue(approvedCount > 0);
    }
}
