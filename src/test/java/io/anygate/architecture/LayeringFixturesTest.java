package io.anygate.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link LayeringTest} can fail: each is checked against the gateway's classes plus one test class
 * with a deliberately wrong import ({@code LayeringFixture*} in src/test), and must name that class.
 */
class LayeringFixturesTest {

    private static JavaClasses gatewayPlus(String fixture) {
        ImportOption mainOnly = new ImportOption.DoNotIncludeTests();
        return new ClassFileImporter()
                .withImportOption(location -> mainOnly.includes(location) || location.contains(fixture))
                .importPackages("io.anygate");
    }

    private static void failsNaming(ArchRule rule, JavaClasses classes, String fixture) {
        AssertionError e = assertThrows(AssertionError.class, () -> rule.check(classes));
        assertTrue(e.getMessage().contains(fixture), e.getMessage());
    }

    @Test
    void aDomainClassUsingTheStoreBreaksTheDomainAndLayerRules() {
        JavaClasses classes = gatewayPlus("LayeringFixtureDomainUsesStore");
        failsNaming(LayeringTest.domainKnowsNoOtherPackage(), classes, "LayeringFixtureDomainUsesStore");
        failsNaming(LayeringTest.layers(), classes, "LayeringFixtureDomainUsesStore");
    }

    @Test
    void txUsingOpsIsACycleAndBreaksTheLayers() {
        JavaClasses classes = gatewayPlus("LayeringFixtureTxUsesOps");
        failsNaming(LayeringTest.noCycles(), classes, "LayeringFixtureTxUsesOps");
        failsNaming(LayeringTest.layers(), classes, "LayeringFixtureTxUsesOps");
    }

    @Test
    void securityThrowingAnAnytimeErrorIsACycle() {
        JavaClasses classes = gatewayPlus("LayeringFixtureSecurityThrowsAnytime");
        failsNaming(LayeringTest.noCycles(), classes, "LayeringFixtureSecurityThrowsAnytime");
    }

    @Test
    void aStoreReadingTheSystemTimeBreaksTheClockRule() {
        JavaClasses classes = gatewayPlus("LayeringFixtureStoreReadsSystemTime");
        failsNaming(LayeringTest.timeIsReadThroughTheClock(), classes, "LayeringFixtureStoreReadsSystemTime");
    }
}
