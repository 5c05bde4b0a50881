package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.anygate.domain.money.DeclineMeaning;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** TX {@code tran}: a registered transaction, approved or declined ({@code result}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tran(long id, LocalDateTime regTime, LocalDate operDay, String lifePhase, String kind,
        Boolean isReversal, Party src, Party dst, Terminal terminal, Values values, String result) {

    /** The {@code result} of an approved transaction. */
    public static final String APPROVED = "Approved";
    /** The {@code result} of a declined one (TX may also give the decline code there: {@link #declined()}). */
    public static final String DECLINED = "Declined";

    /** Approved: {@code result} {@value #APPROVED}. */
    public boolean approved() {
        return APPROVED.equalsIgnoreCase(result);
    }

    /**
     * Declined: {@code result} {@value #DECLINED}, or one of the decline codes of the decline table
     * ({@link DeclineMeaning#DEFAULTS}): the spec types {@code result} as "transaction processing result" without
     * values, and a declined transaction may carry its decline code there (docs/tx-contract.md, Answers). Any other
     * value is neither, and is refused by the readers rather than guessed.
     */
    public boolean declined() {
        return result != null && (DECLINED.equalsIgnoreCase(result) || DeclineMeaning.DEFAULTS.containsKey(result));
    }


    /** Source or destination: a card (masked) and/or a contract. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(PartyCard card, ContractRef contract) {
    }

    /** A card as a transaction names it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PartyCard(String panMask, LocalDate expDate) {
    }

    /** Terminal details; the MCC is read at {@code terminal.mcc} or {@code terminal.owner.mcc}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Terminal(String name, String type, Integer countryCode, Integer mcc, Owner owner) {

        /** The merchant category code wherever TX put it, or null. */
        public Integer merchantCategory() {
            return mcc != null ? mcc : owner == null ? null : owner.mcc();
        }
    }

    /** Terminal owner. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Owner(Integer mcc) {
    }

    /** Customer billing and clearing amounts. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Values(MonetaryValue customer, MonetaryValue clearing) {
    }
}
