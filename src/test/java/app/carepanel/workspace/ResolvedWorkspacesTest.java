package app.carepanel.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** What a workspace resolves to is held for a few seconds, and a change made here applies at once. */
@QuarkusTest
class ResolvedWorkspacesTest extends AppTest {

    @Inject
    Workspaces workspaces;

    @Override
    protected boolean installsWorkspace() {
        return false;
    }

    @Test
    void appliesAnInstallAndAnUninstallMadeHereAtOnce() {
        assertThat(workspaces.isServed(workspace)).isFalse();

        workspaces.install(workspace, Region.EU, "token-1", "admin-1");
        assertThat(workspaces.resolve(workspace).token()).contains("token-1");
        assertThat(workspaces.resolve(workspace).region()).isEqualTo(Region.EU);

        workspaces.install(workspace, Region.EU, "token-2", "admin-1");
        assertThat(workspaces.resolve(workspace).token()).contains("token-2");

        QuarkusTransaction.requiringNew().run(() -> {
            workspaces.uninstall(workspace);
            // Another request resolves before the uninstall commits: it still sees the token, and caches that.
            assertThat(CompletableFuture.supplyAsync(() -> workspaces.isServed(workspace)).join()).isTrue();
        });
        assertThat(workspaces.isServed(workspace)).as("dropped again once the uninstall committed").isFalse();
    }

    @Test
    void appliesAnUninstallMadeByAnotherInstanceWithinTenSeconds() {
        workspaces.install(workspace, Region.US, "token-1", "admin-1");
        assertThat(workspaces.isServed(workspace)).isTrue();

        // Another instance's uninstall: the row changes, this instance is not told.
        QuarkusTransaction.requiringNew().run(() -> WorkspaceRecord.update(
                "tokenSealed = null, installedBy = null, installedAt = null where id = ?1", workspace));

        await().atMost(Duration.ofSeconds(20)).until(() -> !workspaces.isServed(workspace));
    }
}
