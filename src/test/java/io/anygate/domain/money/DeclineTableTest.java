package io.anygate.domain.money;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.anygate.domain.money.LoadRefused.Reason;
import io.anygate.domain.operation.OperationKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TX decline codes map through one table, the defaults with the configured entries over them. */
class DeclineTableTest {

    private static LoadRefused refusal(OperationKind kind, String code, String text, Map<String, DeclineMeaning> conf) {
        return OutcomeMapping.refusal(kind, code, text, "op-1", DeclineMeaning.table(conf));
    }

    @Test
    void theDefaultsFollowTheDirection() {
        assertEquals(Reason.ACCOUNT_BALANCE_TOO_LOW,
                refusal(OperationKind.CARD_CREDIT, "INSUFFICIENT_FUNDS", null, Map.of()).reason());
        assertEquals(Reason.CARD_BALANCE_TOO_LOW,
                refusal(OperationKind.CARD_DEBIT, "INSUFFICIENT_FUNDS", null, Map.of()).reason());
        assertEquals(Reason.CARD_BALANCE_TOO_HIGH,
                refusal(OperationKind.CARD_CREDIT, "BALANCE_LIMIT_EXCEEDED", null, Map.of()).reason());
        assertEquals(Reason.CARD_CANCELLED, refusal(OperationKind.CARD_DEBIT, "CARD_CLOSED", null, Map.of()).reason());
    }

    @Test
    void aConfiguredCodeJoinsTheTableAndMayReplaceADefault() {
        Map<String, DeclineMeaning> conf = Map.of("NSF", DeclineMeaning.FUNDS_SHORT,
                "CARD_BLOCKED", DeclineMeaning.CARD_CANCELLED);
        assertEquals(Reason.CARD_BALANCE_TOO_LOW, refusal(OperationKind.CARD_DEBIT, "NSF", null, conf).reason());
        assertEquals(Reason.CARD_CANCELLED, refusal(OperationKind.CARD_DEBIT, "CARD_BLOCKED", null, conf).reason());
        assertEquals(Reason.CARD_NOT_ACTIVATED, refusal(OperationKind.CARD_DEBIT, "CARD_NOT_ACTIVE", null, conf).reason());
    }

    @Test
    void aCodeOutsideTheTableKeepsTxCodeAndText() {
        LoadRefused r = refusal(OperationKind.CARD_CREDIT, "VELOCITY", "too many loads today", Map.of());
        assertEquals(Reason.DECLINED_OTHER, r.reason());
        assertEquals("declined by the card processor (VELOCITY: too many loads today)", r.getMessage());
    }
}
