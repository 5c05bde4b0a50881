package io.anygate.domain.card;

import java.time.Instant;
import java.util.List;

/**
 * Sandbox mode only: the messages sent to cardholders, kept so that an integrator sees what the cardholder would
 * receive (port; the store keeps them). The sandbox's cards are the simulator's: their secrets are not real.
 */
public interface SandboxOutbox {

    /** One message as it was sent. */
    record Sent(long id, String partnerId, String cardRef, String service, String channel, String address,
            String subject, String body, Instant sentAt) {
        @Override
        public String toString() {
            return "Sent[" + id + " " + cardRef + " " + service + " ***]";
        }
    }

    void add(Sent message);

    /** The last {@code limit} messages, newest first, of one partner (or, null, of all) and one card (or all). */
    List<Sent> last(String partnerId, String cardRef, int limit);
}
