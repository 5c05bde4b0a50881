package io.anygate.tx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.anygate.testsupport.TxStubReset;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A TX call leaves nothing behind in its guard. SmallRye Fault Tolerance 6.10.0 kept one metrics collector per call
 * in a guard applied by {@code @ApplyGuard} (smallrye-fault-tolerance#1325): 215,000 of them filled the pod's heap
 * during one benchmark run, and the gateway then spent its CPU in back-to-back full collections. Counted here as the
 * entries of every map and collection inside the guard's own objects, after a few calls and after 500 more: with
 * the leak, 67 then 567.
 */
@QuarkusTest
@TestProfile(TxStubProfile.class)
@ExtendWith(TxStubReset.class)
class TxGuardsRetainNothingPerCallTest {

    private static final int CALLS = 500;
    /** What calls still in flight may hold for a moment; far below one entry per call. */
    private static final int IN_FLIGHT = 10;

    @Inject
    TxCardCalls cards;

    @Inject
    TxPing ping;

    @InjectTxStub
    WireMockServer tx;

    @Test
    void anAsynchronousReadKeepsNothingPerCall() {
        tx.stubFor(get(urlPathEqualTo("/tx/v1/card")).willReturn(aResponse().withStatus(404)));
        Runnable read = () -> assertThrows(TxNotFoundException.class, () -> cards.card(TxCardRef.ofId(1)));
        assertGuardKeepsNothingPerCall(TxGuards.CARD_GET, read);
    }

    @Test
    void aSynchronousCallKeepsNothingPerCall() {
        tx.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody("OK")));
        assertGuardKeepsNothingPerCall(TxGuards.PING, ping::ping);
    }

    private static void assertGuardKeepsNothingPerCall(Guard guard, Runnable call) {
        for (int i = 0; i < 20; i++) {
            call.run(); // builds whatever the guard makes once
        }
        long before = entriesInside(guard);
        assertTrue(before > 0, "the guard's own maps were found (or this test sees nothing)");
        for (int i = 0; i < CALLS; i++) {
            call.run();
        }
        // A few entries come and go with calls still finishing on other threads (a timeout's timer task, a
        // bulkhead's place); a guard that keeps something per call grows by one entry per call.
        long after = entriesInside(guard);
        assertTrue(after <= before + IN_FLIGHT, "map and collection entries inside the guard: " + before
                + " after 20 calls, " + after + " after " + CALLS + " more");
    }

    /**
     * Entries of the maps and collections reachable from {@code root} through the fields of SmallRye Fault
     * Tolerance's own objects (not beyond them: the meter registry and the event loop change with other work).
     */
    private static long entriesInside(Object root) {
        return walk(root, new IdentityHashMap<>(), 0);
    }

    private static long walk(Object o, Map<Object, Boolean> seen, int depth) {
        if (o == null || depth > 20 || seen.put(o, Boolean.TRUE) != null) {
            return 0;
        }
        if (o instanceof Map<?, ?> map) {
            long n = map.size();
            for (Object value : map.values()) {
                n += ownObject(value) ? walk(value, seen, depth + 1) : 0;
            }
            return n;
        }
        if (o instanceof Collection<?> collection) {
            return collection.size();
        }
        if (!ownObject(o)) {
            return 0;
        }
        long n = 0;
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Object value = f.get(o);
                    if (value instanceof Map<?, ?> || value instanceof Collection<?> || ownObject(value)) {
                        n += walk(value, seen, depth + 1);
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a field this JVM does not open: not the guard's own state
                }
            }
        }
        return n;
    }

    private static boolean ownObject(Object o) {
        return o != null && o.getClass().getName().startsWith("io.smallrye.faulttolerance.");
    }
}
