package app.carepanel;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The packages read top to bottom: the edges (what Intercom, a workflow or the scheduler call) use the sync and
 * the profile, which use the clients of Intercom and the platform, which use the workspaces, which use the small
 * neutral base. Nothing points back up, and no two packages need each other.
 */
class PackageGraphTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.carepanel");

    @Test
    void hasNoCyclesBetweenPackages() {
        slices().matching("app.carepanel.(*)..").should().beFreeOfCycles().check(APP);
    }

    @Test
    void dependsOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("edge").definedBy("app.carepanel.canvas..", "app.carepanel.webhook..", "app.carepanel.changes..",
                        "app.carepanel.config..", "app.carepanel.health..", "app.carepanel.install..", "app.carepanel.audit..",
                        "app.carepanel.console..", "app.carepanel.backfill..")
                .layer("sync").definedBy("app.carepanel.sync..")
                .layer("profile").definedBy("app.carepanel.profile..", "app.carepanel.link..")
                .layer("clients").definedBy("app.carepanel.intercom..", "app.carepanel.platform..", "app.carepanel.signing..")
                .layer("workspace").definedBy("app.carepanel.workspace..")
                .layer("base").definedBy("app.carepanel.base..", "app.carepanel.web..")
                .whereLayer("edge").mayNotBeAccessedByAnyLayer()
                .whereLayer("sync").mayOnlyBeAccessedByLayers("edge")
                .whereLayer("profile").mayOnlyBeAccessedByLayers("edge", "sync")
                .whereLayer("clients").mayOnlyBeAccessedByLayers("edge", "sync", "profile")
                .whereLayer("workspace").mayOnlyBeAccessedByLayers("edge", "sync", "profile", "clients")
                .check(APP);
    }
}
