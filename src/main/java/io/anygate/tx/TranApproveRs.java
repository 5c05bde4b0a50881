package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** TX {@code common-TranApproveRs}: an approved write. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TranApproveRs(Long tranId, String approvalCode) {
}
