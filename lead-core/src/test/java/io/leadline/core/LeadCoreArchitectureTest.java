package io.leadline.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** lead-core is the domain in plain Java: frameworks and I/O stay in the other modules. */
class LeadCoreArchitectureTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.leadline.core");

    @Test
    void core_classes_are_found() {
        Assertions.assertThat(core).isNotEmpty();
    }

    @Test
    void core_does_not_use_spring_jpa_or_jdbc() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta.persistence..",
                        "javax.persistence..",
                        "org.hibernate..",
                        "java.sql..",
                        "javax.sql..",
                        "org.postgresql..")
                .because("lead-core is plain Java; persistence and frameworks belong in lead-persistence and lead-web")
                .check(core);
    }

    @Test
    void core_does_no_io() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.io..", "java.nio..", "java.net..")
                .because("lead-core is pure: files, sockets and databases are the adapters' business")
                .check(core);
    }

    /**
     * Frozen (see lead-web's WebArchitectureTest): the cycles lead-core had when the rule came in are listed in
     * src/test/resources/archunit-frozen and pass; a new one fails.
     */
    @Test
    void packages_have_no_cycles() {
        FreezingArchRule.freeze(
                        slices().matching("io.leadline.core.(*)..").should().beFreeOfCycles())
                .check(core);
    }

    @Test
    void core_does_not_depend_on_the_other_modules() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.leadline.persistence..", "io.leadline.web..")
                .check(core);
    }
}
