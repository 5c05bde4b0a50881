package io.anygate.domain.kyc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** KYC uploads and their review (docs/operations.md "KYC"). */
@ConfigMapping(prefix = "gateway.kyc")
public interface KycConfig {

    /** The largest file accepted in one KYC field, in bytes (a larger one gets status 2 in the answer). */
    @WithName("max-file-size")
    @WithDefault("1048576")
    long maxFileSize();

    /**
     * The largest KYC upload, in bytes: its files together (413 4130010 above it). The edge refuses any body over
     * {@code quarkus.http.limits.max-body-size} first, on every route, so this is at most that.
     */
    @WithName("max-request-size")
    @WithDefault("1048576")
    long maxRequestSize();

    /** Sandbox only: how long after its upload a pending document is reviewed automatically. */
    @WithName("sandbox.review-delay")
    @WithDefault("PT5S")
    Duration sandboxReviewDelay();

    /**
     * Sandbox only: a file uploaded under this name (the multipart file name, compared without case) is refused by
     * the automatic review, every other one accepted. The SDK names each file {@code <field>.jpg}, so the default
     * refuses every affidavit it uploads (a document no account type requires).
     */
    @WithName("sandbox.refused-file-name")
    @WithDefault("user_affidavit.jpg")
    String sandboxRefusedFileName();

    /**
     * Sandbox only: the KYC gates that are on for the provisioned sandbox partner ({@code iban}, {@code card_order},
     * {@code card_load}, {@code credit_transfer}); none by default, so the SDK's calls work in any order.
     */
    @WithName("sandbox.gates")
    Optional<Set<String>> sandboxGates();
}
