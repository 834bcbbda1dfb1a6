package app.carepanel.workspace;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;

/**
 * What {@link Workspaces#resolve} said of each workspace, held for a short time ({@code workspaces} cache, 10 s)
 * so that a view does not read the workspace's row and open its token each time. A change is forgotten at once and
 * again when its transaction ends, so that a view resolving in between does not keep the old answer.
 */
@ApplicationScoped
class ResolvedWorkspaces {

    private final Cache cache;
    private final TransactionSynchronizationRegistry transactions;

    ResolvedWorkspaces(@CacheName("workspaces") Cache cache, TransactionSynchronizationRegistry transactions) {
        this.cache = cache;
        this.transactions = transactions;
    }

    Workspace get(String workspaceId, Function<String, Workspace> resolve) {
        return cache.get(workspaceId, resolve).await().indefinitely();
    }

    void forget(String workspaceId) {
        cache.invalidate(workspaceId).await().indefinitely();
        if (transactions.getTransactionKey() == null) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Only what was committed, or rolled back, matters.
            }

            @Override
            public void afterCompletion(int status) {
                cache.invalidate(workspaceId).await().indefinitely();
            }
        });
    }
}
