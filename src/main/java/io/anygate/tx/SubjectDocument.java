package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A TX {@code subject-document} (passport, national id...): the gateway writes one per KYC document, with
 * {@code type.rid} the KYC type, {@code rid} the gateway's document number and the file's facts as user attributes
 * (docs/tx-contract.md "KYC documents").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectDocument(DocumentRef ref, CatalogueRef type, String rid, String issuerName, Boolean isActive,
        List<UserAttr> userAttrs) {

    /** {@code subject-document-SubjectDocumentRef}: the document's internal id. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DocumentRef(Long id) {
    }
}
