package io.anygate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the three models apart: the domain knows neither Anytime nor TX, and nobody but tests use the simulator. */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.anygate");

    @Test
    void domainKnowsNeitherAnytimeNorTxNorTransport() {
        noClasses().that().resideInAPackage("io.anygate.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.anygate.anytime..", "io.anygate.tx..", "io.anygate.txsim..",
                        "jakarta.ws.rs..", "java.sql..", "io.vertx..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void onlyTheSimulatorUsesTheSimulator() {
        noClasses().that().resideOutsideOfPackage("io.anygate.txsim..")
                .should().dependOnClassesThat().resideInAPackage("io.anygate.txsim..")
                .check(CLASSES);
    }

    @Test
    void theSimulatorIsSelfContained() {
        noClasses().that().resideInAPackage("io.anygate.txsim..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.anygate.anytime..", "io.anygate.domain..", "io.anygate.tx..", "io.anygate.security..",
                        "io.anygate.webhook..")
                .check(CLASSES);
    }

    @Test
    void inboundAdapterDoesNotCallTxDirectly() {
        noClasses().that().resideInAPackage("io.anygate.anytime..")
                .should().dependOnClassesThat().resideInAPackage("io.anygate.tx..")
                .check(CLASSES);
    }

    @Test
    void txAdapterDoesNotKnowAnytime() {
        noClasses().that().resideInAPackage("io.anygate.tx..")
                .should().dependOnClassesThat().resideInAPackage("io.anygate.anytime..")
                .check(CLASSES);
    }
}
