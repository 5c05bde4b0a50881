package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/** Request bodies the gateway sends to TX. Those carrying card data hide it from {@code toString}. */
final class TxRequests {

    private TxRequests() {
    }

    /** Body of {@code PUT subject|contract|card}: the object and the write's extra attributes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ObjectRq<T>(T object, TranRqExtraAttrs tranRq) {
    }

    /** Body of {@code POST contract/activate|close}: only the extra attributes. */
    record TranRq(TranRqExtraAttrs tranRq) {
    }

    /** Body of {@code PUT contract/balance}. */
    record BalanceRq(java.math.BigDecimal balance, TranRqExtraAttrs tranRq) {
    }

    /** Body of {@code POST tran/account2account}. */
    record Account2AccountRq(ContractRef src, ContractRef dst, MonetaryValue value, TranRqExtraAttrs tranRq) {
    }

    /** Body of {@code POST tran/account2fi}: money from account {@code src} to the financial institution. */
    record Account2FiRq(ContractRef src, MonetaryValue value, TranRqExtraAttrs tranRq) {
    }

    /** Body of {@code POST tran/fi2account}: money from the financial institution onto account {@code dst}. */
    record Fi2AccountRq(ContractRef dst, MonetaryValue value, TranRqExtraAttrs tranRq) {
    }

    /** Body of {@code POST tran/account2card}. */
    record Account2CardRq(ContractRef src, DstCard dst, MonetaryValue value, TranRqExtraAttrs tranRq) {
    }

    /** Body of {@code POST tran/card2account}. */
    record Card2AccountRq(SrcCard src, ContractRef dst, MonetaryValue value, TranRqExtraAttrs tranRq) {
    }

    /** TX {@code tran-DstCard}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DstCard(String pan, LocalDate expDate) {
        @Override
        public String toString() {
            return "DstCard[pan=***]";
        }
    }

    /** TX {@code tran-SrcCard}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SrcCard(String pan, LocalDate expDate, String cvv2) {
        @Override
        public String toString() {
            return "SrcCard[pan=***]";
        }
    }

    /** Body of {@code POST card/reissue}: what to copy from the old card, the new card's own fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReissueRq(CopyFromOldCard copyFromOldCard, ObjectNode newCard, TranRqExtraAttrs tranRq) {
    }

    /** TX {@code copyFromOldCard}: which properties the new card keeps. */
    record CopyFromOldCard(boolean pan, boolean pin, boolean limits, boolean rid) {
    }
}
