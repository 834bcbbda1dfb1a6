package app.carepanel.backfill;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The backfill is an edge package (the API, the runner): it uses the sync, the profile and the clients, no other
 * edge package uses it but the console's page, and it uses no edge package itself.
 */
class BackfillPackageTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.carepanel");

    @Test
    void isUsedOnlyByTheConsole() {
        classes().that().resideInAPackage("app.carepanel.backfill..").should().onlyBeAccessed()
                .byAnyPackage("app.carepanel.backfill..", "app.carepanel.console..").check(APP);
    }

    @Test
    void usesNoOtherEdgePackage() {
        noClasses().that().resideInAPackage("app.carepanel.backfill..").should().dependOnClassesThat()
                .resideInAnyPackage("app.carepanel.canvas..", "app.carepanel.webhook..", "app.carepanel.changes..",
                        "app.carepanel.config..", "app.carepanel.health..", "app.carepanel.install..",
                        "app.carepanel.audit..", "app.carepanel.console..")
                .check(APP);
    }
}
