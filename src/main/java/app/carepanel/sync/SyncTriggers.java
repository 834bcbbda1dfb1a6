package app.carepanel.sync;

import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;

import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.Workspaces;
import io.quarkus.logging.Log;

/** Syncs asked for by the panel: queued off the request thread, so the teammate's canvas never waits for them. */
@ApplicationScoped
public class SyncTriggers {

    private final SyncQueue queue;
    private final Workspaces workspaces;
    private final ContactEmails emails;
    private final ManagedExecutor executor;

    SyncTriggers(SyncQueue queue, Workspaces workspaces, ContactEmails emails, ManagedExecutor executor) {
        this.queue = queue;
        this.workspaces = workspaces;
        this.emails = emails;
        this.executor = executor;
    }

    /**
     * A teammate viewed (or refreshed) the contact, whose email the signed request gave and the panel looked
     * up: write what the panel just showed to the contact as well.
     */
    public void contactViewed(Workspace workspace, String contactId, String email, boolean refresh) {
        if (contactId == null || contactId.isBlank()) {
            return;
        }
        emails.seen(workspace.id(), contactId, email);
        try {
            executor.runAsync(() -> {
                workspaces.remember(workspace);
                queue.enqueue(workspace, contactId, refresh ? SyncTrigger.REFRESH : SyncTrigger.VIEW, Optional.empty());
            }).exceptionally(e -> {
                notQueued(workspace, contactId, e);
                return null;
            });
        } catch (RejectedExecutionException e) {
            notQueued(workspace, contactId, e);
        }
    }

    private static void notQueued(Workspace workspace, String contactId, Throwable e) {
        Log.warnf("Sync of contact %s in workspace %s was not queued: %s", contactId, workspace.id(),
                e.getClass().getSimpleName());
    }
}
