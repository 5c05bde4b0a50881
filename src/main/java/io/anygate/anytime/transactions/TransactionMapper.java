package io.anygate.anytime.transactions;

import io.anygate.domain.AnytimeDates;
import io.anygate.domain.CoreTransaction;
import io.anygate.domain.CurrencyUnits;
import io.anygate.domain.iban.IbanMovement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/**
 * Translates a domain {@link CoreTransaction} into Anytime's card transaction and statement line.
 * <ul>
 * <li>{@code status}: DECLINED -> {@code D}, CANCELLED -> {@code C}, PENDING -> {@code P}, SETTLED -> {@code S}
 * ({@link CoreTransaction#settlement()} holds the rules);</li>
 * <li>{@code type}: {@code C} when the contract is the destination, {@code D} when it is the source;</li>
 * <li>{@code amount}: the customer (billing) amount in the contract's currency; {@code amount_fx} and
 * {@code currency}: the clearing (local) amount and its currency; {@code fx} = amount_fx / amount (6 decimals,
 * 1 when equal); {@code fx_fee} 0 (TX reports no fee);</li>
 * <li>{@code date}: TX {@code regTime} in Paris time; {@code date_transaction} the same (TX has one time);</li>
 * <li>{@code description}: the partner's comment on its load or unload when it gave one (the caller finds it in the
 * journal: {@code card_comment} on the card's side, {@code acc_comment} on the account's), else the terminal name
 * or the transfer's text, else the TX kind;</li>
 * <li>{@code balance_after}: computed by the caller (TX trans carry no balance), see docs/mapping.md.</li>
 * </ul>
 */
public final class TransactionMapper {

    private static final int FX_SCALE = 6;

    private final ZoneId txZone;

    /** @param txZone the zone of TX local date-times ({@code gateway.tx.zone}, UTC in the simulator) */
    public TransactionMapper(ZoneId txZone) {
        this.txZone = txZone;
    }

    /** The Anytime status letter. */
    public static String status(CoreTransaction t) {
        return switch (t.settlement()) {
            case SETTLED -> "S";
            case CANCELLED -> "C";
            case PENDING -> "P";
            case DECLINED -> "D";
        };
    }

    /** The Anytime type letter for the contract the list is about. */
    public static String type(CoreTransaction t, long contractId) {
        return t.directionFor(contractId) == CoreTransaction.Direction.CREDIT ? "C" : "D";
    }

    /**
     * A card transaction, seen from the card's contract, with the card balance after it and the partner's card
     * comment on it ({@code null} when none).
     */
    public CardTransaction toCardTransaction(CoreTransaction t, long cardContractId, BigDecimal balanceAfter,
            String comment) {
        String date = AnytimeDates.dateTime(t.regTime(), txZone);
        CardTransaction.FailedReason failed = t.settlement() == CoreTransaction.Settlement.DECLINED
                ? FailedReasons.of(t.result())
                : null;
        return new CardTransaction(t.id(), t.mcc() == null ? 0 : t.mcc(), money(t.amount(), t.currency()),
                money(t.effectiveClearingAmount(), t.effectiveClearingCurrency()), t.effectiveClearingCurrency(),
                fx(t), BigDecimal.ZERO, List.of(), failed, status(t), type(t, cardContractId),
                balanceAfter, date, date, description(t, comment));
    }

    /**
     * A statement line, seen from the account contract, with the account balance after it and the partner's account
     * comment on it ({@code null} when none).
     */
    public StatementLine toStatementLine(CoreTransaction t, long accountContractId, BigDecimal balanceAfter,
            String comment) {
        return toStatementLine(t, accountContractId, balanceAfter, comment, null);
    }

    /**
     * A statement line; {@code iban} (may be null) is the IBAN movement of a line whose money went through one of the
     * account's IBANs: its {@code iban} object and {@code virtual_iban}, and "SEPA credit from {debtor}" as the
     * description.
     */
    public StatementLine toStatementLine(CoreTransaction t, long accountContractId, BigDecimal balanceAfter,
            String comment, IbanMovement iban) {
        String date = AnytimeDates.dateTime(t.regTime(), txZone);
        Object ibanObject = iban == null ? List.of() : new StatementIban(iban.iban(), iban.bic(), iban.remittance());
        String description = iban == null ? description(t, comment)
                : (iban.direction() == IbanMovement.Direction.CREDIT ? "SEPA credit from " : "SEPA transfer to ")
                        + iban.counterpartyName();
        return new StatementLine(Long.toString(t.id()), description, date,
                money(t.amount(), t.currency()), type(t, accountContractId), balanceAfter, t.currency(), ibanObject,
                iban == null || iban.virtualIban() == null ? "" : iban.virtualIban(), status(t), date, date);
    }

    /** amount_fx / amount, 6 decimals; 1 when either is missing or zero. */
    static BigDecimal fx(CoreTransaction t) {
        BigDecimal a = t.amount();
        BigDecimal c = t.effectiveClearingAmount();
        if (a == null || c == null || a.signum() == 0) {
            return BigDecimal.ONE.setScale(FX_SCALE);
        }
        return c.divide(a, FX_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal money(BigDecimal amount, String currency) {
        if (amount == null) {
            return BigDecimal.ZERO;
        }
        return CurrencyUnits.of(currency).map(c -> CurrencyUnits.scaled(amount.abs(), (Currency) c))
                .orElse(amount.abs());
    }

    private static String description(CoreTransaction t, String comment) {
        if (comment != null && !comment.isBlank()) {
            return comment;
        }
        return t.merchantDescription() != null ? t.merchantDescription() : t.kind() == null ? "" : t.kind();
    }
}
