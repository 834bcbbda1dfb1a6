package app.carepanel.support;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.audit.AccessRecord;
import app.carepanel.backfill.Backfill;
import app.carepanel.install.AdminSession;
import app.carepanel.install.InstallState;
import app.carepanel.link.ContactLink;
import app.carepanel.profile.ProfileSnapshot;
import app.carepanel.profile.SnapshotStore;
import app.carepanel.workspace.Region;
import app.carepanel.workspace.SettingChange;
import app.carepanel.workspace.SettingRecord;
import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.WorkspaceRecord;
import app.carepanel.workspace.Workspaces;
import app.carepanel.changes.ChangePollState;
import app.carepanel.sync.PendingTagRemoval;
import app.carepanel.sync.SyncJob;
import app.carepanel.webhook.WebhookDelivery;
import io.quarkus.cache.Cache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.cache.CacheName;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Puts the app back to a blank state between tests: no cached lookups, no stored rows, breakers closed. */
@ApplicationScoped
public class TestReset {

    private final Cache profiles;
    private final Cache settings;
    private final Cache resolvedWorkspaces;
    private final Cache syncedViews;
    private final Cache linkedContacts;
    private final CircuitBreakerMaintenance breakers;
    private final Workspaces workspaces;
    private final SnapshotStore snapshots;

    TestReset(SnapshotStore snapshots, @CacheName("client-profiles") Cache profiles, CircuitBreakerMaintenance breakers, Workspaces workspaces,
            @CacheName("workspace-settings") Cache settings, @CacheName("workspaces") Cache resolvedWorkspaces,
            @CacheName("synced-views") Cache syncedViews, @CacheName("linked-contacts") Cache linkedContacts) {
        this.snapshots = snapshots;
        this.linkedContacts = linkedContacts;
        this.syncedViews = syncedViews;
        this.resolvedWorkspaces = resolvedWorkspaces;
        this.settings = settings;
        this.profiles = profiles;
        this.breakers = breakers;
        this.workspaces = workspaces;
    }

    public void all() {
        // A snapshot still on its way to the database would otherwise land after the delete.
        snapshots.flush();
        QuarkusTransaction.requiringNew().run(this::deleteRows);
        // After the commit, so that nothing resolved in between keeps a deleted workspace installed.
        profiles.invalidateAll().await().indefinitely();
        settings.invalidateAll().await().indefinitely();
        resolvedWorkspaces.invalidateAll().await().indefinitely();
        syncedViews.invalidateAll().await().indefinitely();
        linkedContacts.invalidateAll().await().indefinitely();
        breakers.resetAll();
    }

    private void deleteRows() {
        ProfileSnapshot.deleteAll();
        SyncJob.deleteAll();
        PendingTagRemoval.deleteAll();
        WebhookDelivery.deleteAll();
        ChangePollState.deleteAll();
        AccessRecord.deleteAll();
        InstallState.deleteAll();
        AdminSession.deleteAll();
        SettingRecord.deleteAll();
        SettingChange.deleteAll();
        Backfill.deleteAll();
        ContactLink.deleteAll();
        // Installations of earlier tests would otherwise be polled and counted as served ever after.
        WorkspaceRecord.deleteAll();
    }

    /** The workspace has installed the app, with the Intercom stub's token, in the US region. */
    public Workspace install(String workspaceId) {
        workspaces.install(workspaceId, Region.US, IntercomStub.TOKEN, "test-admin");
        return workspaces.resolve(workspaceId);
    }

    /** Closes every circuit breaker (another test's platform failures must not refuse this one's calls). */
    public void breakers() {
        breakers.resetAll();
    }
}
