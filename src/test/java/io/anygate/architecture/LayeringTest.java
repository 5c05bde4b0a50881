package io.anygate.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/architecture.md ("Layers"), as rules. Each top-level package is in exactly one layer, and
 * may use only the layers written here:
 * <pre>
 * ops       health, metrics, jobs, admin, start-up checks  -> anytime, webhook, security, domain, tx, store
 * anytime   inbound Anytime API                             -> security, domain, store
 * webhook   outbound Anytime webhooks                       -> anytime.transactions (the payload), security,
 *                                                              domain, store
 * security  partners, tokens, signatures, rate limits       -> domain, store
 * tx        TX adapter (implements domain ports)            -> domain
 * store     persistence (implements domain ports)           -> domain
 * domain    the gateway's own model and its ports           -> (nothing)
 * txsim     embedded TX simulator                           -> (nothing; only tests use it)
 * io.anygate (the package itself): settings, clock, request trace, instance id; every layer may use it, and it
 * uses no layer.
 * </pre>
 * {@link LayeringFixturesTest} checks that a wrong import breaks these rules.
 */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.anygate");

    static final String SHARED = "io.anygate";
    static final List<String> LAYER_PACKAGES = List.of(SHARED, "io.anygate.ops..", "io.anygate.anytime..",
            "io.anygate.webhook..", "io.anygate.security..", "io.anygate.tx..", "io.anygate.store..",
            "io.anygate.domain..", "io.anygate.txsim..");

    static ArchRule noCycles() {
        return slices().matching("io.anygate.(*)..").should().beFreeOfCycles();
    }

    static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Shared").definedBy(SHARED)
                .layer("Ops").definedBy("io.anygate.ops..")
                .layer("Anytime").definedBy("io.anygate.anytime..")
                .layer("Webhook").definedBy("io.anygate.webhook..")
                .layer("Security").definedBy("io.anygate.security..")
                .layer("Tx").definedBy("io.anygate.tx..")
                .layer("Store").definedBy("io.anygate.store..")
                .layer("Domain").definedBy("io.anygate.domain..")
                .layer("TxSim").definedBy("io.anygate.txsim..")
                .whereLayer("Ops").mayOnlyAccessLayers("Anytime", "Webhook", "Security", "Tx", "Store", "Domain",
                        "Shared")
                .whereLayer("Anytime").mayOnlyAccessLayers("Security", "Domain", "Shared")
                .whereLayer("Webhook").mayOnlyAccessLayers("Anytime", "Security", "Domain", "Shared")
                .whereLayer("Security").mayOnlyAccessLayers("Domain", "Shared")
                .whereLayer("Tx").mayOnlyAccessLayers("Domain", "Shared")
                // the store implements the ports of the layers above it (their interfaces, their records)
                .whereLayer("Store").mayOnlyAccessLayers("Anytime", "Webhook", "Security", "Domain", "Shared")
                .whereLayer("Domain").mayOnlyAccessLayers("Shared")
                .whereLayer("TxSim").mayOnlyAccessLayers("Shared")
                .whereLayer("Shared").mayNotAccessAnyLayer();
    }

    /** The domain knows no other gateway package (only the shared settings and clock) and no transport. */
    static ArchRule domainKnowsNoOtherPackage() {
        return noClasses().that().resideInAPackage("io.anygate.domain..")
                .should().dependOnClassesThat(resideInAPackage("io.anygate..")
                        .and(not(resideInAnyPackage("io.anygate.domain..", SHARED))))
                .orShould().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "java.sql..", "io.vertx..")
                .allowEmptyShould(true);
    }

    /** The webhooks write the Anytime card transaction as their payload, and use nothing else of anytime. */
    static ArchRule webhookUsesOnlyTheAnytimeTransactionModel() {
        return noClasses().that().resideInAPackage("io.anygate.webhook..")
                .should().dependOnClassesThat(resideInAPackage("io.anygate.anytime..")
                        .and(not(resideInAPackage("io.anygate.anytime.transactions.."))));
    }

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        noCycles().check(CLASSES);
    }

    @Test
    void eachLayerUsesOnlyTheLayersWrittenForIt() {
        layers().check(CLASSES);
    }

    @Test
    void everyPackageIsInALayer() {
        classes().that().resideInAPackage("io.anygate..")
                .should().resideInAnyPackage(LAYER_PACKAGES.toArray(String[]::new))
                .check(CLASSES);
    }

    @Test
    void domainKnowsNeitherAnytimeNorTxNorTransport() {
        domainKnowsNoOtherPackage().check(CLASSES);
    }

    @Test
    void webhookUsesTheAnytimeTransactionModelOnly() {
        webhookUsesOnlyTheAnytimeTransactionModel().check(CLASSES);
    }

    /**
     * Time is read through the injected {@link java.time.Clock} (tests fix it), made once by {@code GatewayClock};
     * the simulated TX keeps its own time in {@code txsim.SimClock}. Elapsed time ({@code System.nanoTime}) is not
     * a time of day and stays allowed.
     */
    static ArchRule timeIsReadThroughTheClock() {
        return noClasses().that().doNotHaveFullyQualifiedName("io.anygate.GatewayClock")
                .and().doNotHaveFullyQualifiedName("io.anygate.txsim.SimClock")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now", java.time.ZoneId.class)
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now", java.time.ZoneId.class)
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now", java.time.ZoneId.class)
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now", java.time.ZoneId.class);
    }

    @Test
    void timeIsReadOnlyThroughTheInjectedClock() {
        timeIsReadThroughTheClock().check(CLASSES);
    }

    @Test
    void onlyTheSimulatorUsesTheSimulator() {
        noClasses().that().resideOutsideOfPackage("io.anygate.txsim..")
                .should().dependOnClassesThat().resideInAPackage("io.anygate.txsim..")
                .check(CLASSES);
    }
}
