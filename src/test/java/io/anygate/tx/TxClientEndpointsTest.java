package io.anygate.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.txsim.TxSchemas;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every endpoint the TX client interfaces can call has a request description in tx-schemas, and no other does. */
class TxClientEndpointsTest {

    @Test
    void theClientsEndpointsAreExactlyTheDescribedOnes() {
        Set<String> called = new TreeSet<>();
        for (Class<?> client : List.of(TxSubjectsClient.class, TxContractsClient.class, TxCardsRestClient.class,
                TxTransClient.class)) {
            for (Method m : client.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(PUT.class) ? "PUT"
                        : m.isAnnotationPresent(POST.class) ? "POST" : m.isAnnotationPresent(DELETE.class) ? "DELETE"
                        : null;
                if (verb != null) {
                    called.add(verb + " " + m.getAnnotation(Path.class).value());
                }
            }
        }
        assertEquals(new TreeSet<>(TxSchemas.GATEWAY_ENDPOINTS.keySet()), called);
        for (String endpoint : called) {
            assertTrue(TxSchemas.get().covers(TxSchemas.GATEWAY_ENDPOINTS.get(endpoint)), endpoint);
        }
    }
}
