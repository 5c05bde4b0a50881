package io.anygate.domain.kyc;

import java.util.Arrays;
import java.util.Optional;

/**
 * The KYC documents of Anytime: the upload field the SDK sends each one under, the type name the status answer
 * gives it ({@code KycType} of the SDK), and whose document it is (the cardholder's or the company's).
 */
public enum KycType {
    SELFIE("user_selfie", "selfie", false),
    IDENTITY("user_identity", "identity", false),
    IDENTITY_BACK("user_identity_back", "identity_back", false),
    IDENTITY_HOST("user_identity_host", "identity_host", false),
    IDENTITY_BACK_HOST("user_identity_back_host", "identity_back_host", false),
    PASSPORT("user_passport", "passport", false),
    DOM_1("user_dom_1", "dom_1", false),
    DOM_HOST("user_dom_host", "dom_host", false),
    AFFIDAVIT("user_affidavit", "affidavit", false),
    STATUS("corp_status", "status", true),
    KBIS("corp_kbis", "kbis", true);

    private final String field;
    private final String anytimeType;
    private final boolean company;

    KycType(String field, String anytimeType, boolean company) {
        this.field = field;
        this.anytimeType = anytimeType;
        this.company = company;
    }

    /** The multipart field of the upload ({@code user_dom_1}). */
    public String field() {
        return field;
    }

    /** The type in the status answer ({@code dom_1}). */
    public String anytimeType() {
        return anytimeType;
    }

    /** A document of the company (business accounts), kept on the company's subject rather than the holder's. */
    public boolean company() {
        return company;
    }

    public static Optional<KycType> ofField(String field) {
        return Arrays.stream(values()).filter(t -> t.field.equals(field)).findFirst();
    }

    public static Optional<KycType> ofAnytimeType(String type) {
        return Arrays.stream(values()).filter(t -> t.anytimeType.equals(type)).findFirst();
    }
}
