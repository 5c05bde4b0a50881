package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * TX {@code common-TranRqExtraAttrs}: extra attributes of the RTP transaction behind a write. The gateway
 * always fills {@code match.key}; a card load or unload adds the partner's comments as {@code userAttrs}
 * (docs/tx-contract.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TranRqExtraAttrs(String clerkName, String textMess, String categoryCode, String categoryText,
        TranMatch match, List<UserAttr> userAttrs) {

    /** Extra attributes carrying only the match key. */
    public static TranRqExtraAttrs of(TxMatchKey key) {
        return of(key, List.of());
    }

    /** Extra attributes carrying the match key and user attributes (none sent when the list is empty). */
    public static TranRqExtraAttrs of(TxMatchKey key, List<UserAttr> userAttrs) {
        return new TranRqExtraAttrs(null, null, null, null, new TranMatch(key.value(), null),
                userAttrs.isEmpty() ? null : List.copyOf(userAttrs));
    }

    /** TX {@code common-TranMatch}: the match key and an optional retrieval reference number. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TranMatch(String key, String rrn) {
    }
}
