package io.anygate.domain.money;

import io.anygate.domain.money.LoadRefused.Reason;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationKind;
import java.util.Map;

/**
 * TX decline codes to the business reasons of a refused load or unload, through the one decline table
 * ({@link DeclineMeaning#table}: the defaults with {@code gateway.money.declines} over them). Which side ran short
 * depends on the direction: a load takes from the account, an unload from the card. A code outside the table is
 * {@link Reason#DECLINED_OTHER}, its message keeping TX's code and text.
 */
final class OutcomeMapping {

    private OutcomeMapping() {
    }

    static LoadRefused refusal(OperationKind kind, String txCode, String txText, String operationId,
            Map<String, DeclineMeaning> table) {
        boolean credit = kind == OperationKind.CARD_CREDIT;
        DeclineMeaning meaning = txCode == null ? DeclineMeaning.OTHER
                : table.getOrDefault(txCode, DeclineMeaning.OTHER);
        Reason reason = switch (meaning) {
            case FUNDS_SHORT -> credit ? Reason.ACCOUNT_BALANCE_TOO_LOW : Reason.CARD_BALANCE_TOO_LOW;
            case BALANCE_FULL -> credit ? Reason.CARD_BALANCE_TOO_HIGH : Reason.DECLINED_OTHER;
            // an unload is never "load amount too high": TX's per-transfer maximum on one is a decline of its own
            case AMOUNT_TOO_HIGH -> credit ? Reason.AMOUNT_TOO_HIGH : Reason.DECLINED_OTHER;
            case CARD_NOT_ACTIVATED -> Reason.CARD_NOT_ACTIVATED;
            case CARD_CANCELLED -> Reason.CARD_CANCELLED;
            case REJECTED -> Reason.REJECTED;
            case OTHER -> Reason.DECLINED_OTHER;
        };
        String message = switch (reason) {
            case ACCOUNT_BALANCE_TOO_LOW -> "the account balance is too low for this amount";
            case CARD_BALANCE_TOO_LOW -> "the card balance is too low for this amount";
            case CARD_BALANCE_TOO_HIGH -> "the card balance would exceed its maximum";
            case AMOUNT_TOO_HIGH -> "the amount is above the maximum allowed";
            case CARD_NOT_ACTIVATED -> "the card is not active";
            case CARD_CANCELLED -> "the card is cancelled";
            default -> "declined by the card processor (" + txCode
                    + (txText == null || txText.isBlank() ? "" : ": " + txText) + ")";
        };
        return new LoadRefused(reason, message, operationId);
    }

    /** The refusal a journaled DECLINED or FAILED operation answers when it is asked again. */
    static LoadRefused refusal(Operation op, Map<String, DeclineMeaning> table) {
        if (op.state() == io.anygate.domain.operation.OperationState.FAILED) {
            return new LoadRefused(Reason.NOT_APPLIED, CardMoney.NOTHING_DONE + " (the operation failed)",
                    op.id().value());
        }
        String code = op.declineCode();
        for (Reason r : Reason.values()) {
            if (r.name().equals(code)) {
                return new LoadRefused(r, "refused earlier: " + r.name().toLowerCase().replace('_', ' '),
                        op.id().value());
            }
        }
        return refusal(op.kind(), code, null, op.id().value(), table);
    }
}
