package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** TX {@code card}: a payment card (the PAN only masked; see {@link TxCardCalls#pan}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TxCard(TxCardRef ref, String className, SubjectRef holder, CatalogueRef issuingContractType,
        ContractRef issuingContract, ContractRef financialContract, CatalogueRef product, CatalogueRef design,
        String panMask, String status, String lifePhaseRid, CatalogueRef restrictionsProfile, Names names,
        Dates dates, Logistics logistics, java.util.List<UserAttr> userAttrs) {

    /** The value of the user attribute {@code rid}, or null. */
    public String userAttr(String rid) {
        return userAttrs == null ? null : userAttrs.stream().filter(a -> rid.equals(a.rid())).map(UserAttr::val)
                .findFirst().orElse(null);
    }

    /**
     * Card delivery details: the address the card goes to, or the branch it is collected at
     * ({@code deliveryBranchName}), and the branch where it currently is ({@code curBranchName}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Logistics(String deliveryBranchName, TxAddress deliveryAddress, String curBranchName) {

        /** Delivery to an address. */
        public Logistics(TxAddress deliveryAddress) {
            this(null, deliveryAddress, null);
        }
    }

    /** Names on the card. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Names(String emboss, String track, String print) {
    }

    /** Card dates; {@code expiration} is the full date. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dates(LocalDate validFrom, LocalDate creation, LocalDate activation, LocalDate expiration,
            LocalDate closure) {
    }
}
