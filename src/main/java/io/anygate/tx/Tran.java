package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** TX {@code tran}: a registered transaction, approved or declined ({@code result}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tran(long id, LocalDateTime regTime, LocalDate operDay, String lifePhase, String kind,
        Boolean isReversal, Party src, Party dst, Terminal terminal, Values values, String result) {

    /** The {@code result} of an approved transaction. */
    public static final String APPROVED = "Approved";
    /** The {@code result} of a declined one; the spec names no other (docs/tx-contract.md). */
    public static final String DECLINED = "Declined";


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
