package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** TX {@code common-ModifyTranApproveRs}: an approved object write, with the id of the object written. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModifyTranApproveRs(Long tranId, String approvalCode, Long objectId) {
}
