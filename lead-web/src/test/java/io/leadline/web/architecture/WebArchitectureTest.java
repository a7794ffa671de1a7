package io.leadline.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the web application (docs/architecture.md): it reaches storage only through the ports lead-core
 * declares, runs no SQL of its own, and its feature packages depend on each other without cycles.
 *
 * <p>The rules are frozen ({@link FreezingArchRule}): the violations main had when each rule was added are listed in
 * src/test/resources/archunit-frozen, and only those pass. A new shortcut across a boundary fails the build; a fixed
 * one leaves the list for good. Run with {@code ./mvnw -pl lead-web -am test -Dtest=WebArchitectureTest}.
 */
class WebArchitectureTest {

    /** The bootstrap that finds or starts the database before the application exists: wiring, not a feature. */
    private static final String BOOTSTRAP = "io.leadline.web.database..";

    private final JavaClasses web = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.leadline.web", "io.leadline");

    @Test
    void the_application_classes_are_found() {
        assertThat(web.containPackage("io.leadline.web.capture")).isTrue();
    }

    @Test
    void web_reaches_storage_only_through_the_ports_of_lead_core() {
        freeze(
                        noClasses()
                                .that()
                                .resideInAPackage("io.leadline.web..")
                                .and()
                                .resideOutsideOfPackage(BOOTSTRAP)
                                .should()
                                .dependOnClassesThat()
                                .resideInAPackage("io.leadline.persistence..")
                                .because(
                                        "pages, the API and jobs ask lead-core's ports (Leads, ScoringModels, …), which lead-persistence implements"))
                .check(web);
    }

    @Test
    void web_runs_no_sql_of_its_own() {
        freeze(noClasses()
                        .that()
                        .resideInAPackage("io.leadline.web..")
                        .and()
                        .resideOutsideOfPackage(BOOTSTRAP)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                "org.springframework.jdbc..",
                                "java.sql..",
                                "javax.sql..",
                                "jakarta.persistence..",
                                "org.hibernate..")
                        .because("SQL belongs in lead-persistence, behind a port"))
                .check(web);
    }

    @Test
    void feature_packages_have_no_cycles() {
        freeze(slices().matching("io.leadline.web.(*)..").should().beFreeOfCycles())
                .check(web);
    }

    private static ArchRule freeze(ArchRule rule) {
        return FreezingArchRule.freeze(rule);
    }
}
