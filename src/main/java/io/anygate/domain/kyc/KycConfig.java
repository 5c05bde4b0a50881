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

    /**
     * The largest file accepted in one KYC field, in bytes (a larger one gets status 2 in the answer): 10 MB, a
     * phone's photo of a document with room to spare.
     */
    @WithName("max-file-size")
    @WithDefault("10485760")
    long maxFileSize();

    /**
     * The largest KYC upload, in bytes (413 4130010 above it): its declared body at the edge, before it is read
     * (the KYC upload is the one route not held to {@code gateway.edge.max-body-size}), and its files together when
     * it declares no length. At most {@code quarkus.http.limits.max-body-size} (start-up fails otherwise).
     */
    @WithName("max-request-size")
    @WithDefault("20971520")
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
