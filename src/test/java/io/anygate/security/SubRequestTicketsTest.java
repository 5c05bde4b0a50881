package io.anygate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** A sub-request ticket is good once, for its own method and path only. */
class SubRequestTicketsTest {

    private final SubRequestTickets tickets = new SubRequestTickets();

    private static SubRequestTickets.Ticket ticket(String method, String path) {
        return new SubRequestTickets.Ticket("delta", InetAddress.getLoopbackAddress(), 42, 0, method, path,
                "token-hash");
    }

    @Test
    void aTicketIsRedeemedOnce() {
        String value = tickets.issue(ticket("GET", "/v1.0/apicheck"));
        assertEquals(42, tickets.redeem(value, "GET", "/v1.0/apicheck").orElseThrow().batchRequestId());
        assertTrue(tickets.redeem(value, "GET", "/v1.0/apicheck").isEmpty());
    }

    @Test
    void aTicketForAnotherCallIsBurntNotHonoured() {
        String value = tickets.issue(ticket("GET", "/v1.0/apicheck"));
        assertTrue(tickets.redeem(value, "POST", "/v1.0/apicheck").isEmpty());
        assertTrue(tickets.redeem(value, "GET", "/v1.0/apicheck").isEmpty());
        String other = tickets.issue(ticket("GET", "/v1.0/apicheck"));
        assertTrue(tickets.redeem(other, "GET", "/v1.0/accounts").isEmpty());
    }

    @Test
    void unknownWithdrawnAndAbsentValuesAdmitNothing() {
        String value = tickets.issue(ticket("GET", "/v1.0/apicheck"));
        assertNotEquals(value, tickets.issue(ticket("GET", "/v1.0/apicheck")));
        assertTrue(value.matches("[A-Za-z0-9_-]{43}"), value);
        tickets.withdraw(value);
        assertTrue(tickets.redeem(value, "GET", "/v1.0/apicheck").isEmpty());
        assertTrue(tickets.redeem(null, "GET", "/v1.0/apicheck").isEmpty());
        assertTrue(tickets.redeem("forged", "GET", "/v1.0/apicheck").isEmpty());
    }
}
