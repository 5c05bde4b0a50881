package io.anygate.domain.kyc;

/** Where a KYC document (or an account's KYC as a whole) stands in its review. */
public enum ReviewStatus {
    PENDING, ACCEPTED, REFUSED;

    /** The word of the Anytime answers ({@code pending}, {@code accepted}, {@code refused}). */
    public String anytime() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
