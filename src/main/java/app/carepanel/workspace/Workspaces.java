package app.carepanel.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import app.carepanel.base.Causes;
import app.carepanel.base.Encryption;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The owner of "which workspace, which region, which host, which token". A workspace has a token when an admin
 * installed the app with OAuth ({@link #install}; sealed with the data key), or when it owns
 * {@code INTERCOM_ACCESS_TOKEN} (a private app, no OAuth at all). Canvas Kit requests name a workspace's region
 * and {@link #seen} records it; webhooks name only the id, so {@link #resolve} falls back to the region the
 * installation or the configured token's {@code GET /me} said, then to US. A token Intercom refuses is marked for
 * its workspace only. What {@link #resolve} says is held for 10 s ({@link ResolvedWorkspaces}): a change made
 * through this class applies at once here, and within those seconds on other instances.
 */
@ApplicationScoped
public class Workspaces {

    static final String NOT_INSTALLED = "not installed: no admin of this workspace has installed the app";
    static final String NOT_ALLOWED = "not allowed: the workspace is not in INSTALL_ALLOWED_WORKSPACES";
    static final String UNREADABLE = "its token cannot be decrypted with the configured DATA_ENCRYPTION_KEY; "
            + "an admin installs the app again";

    private final Map<String, Region> regions = new ConcurrentHashMap<>();
    private final TokenRefusals refusals = new TokenRefusals();
    private final WorkspaceConfig config;
    private final AllowedWorkspaces allowed;
    private final Encryption encryption;
    private final Instance<TokenWorkspaceFinder> finder;
    private final Clock clock;
    private final ResolvedWorkspaces resolved;

    Workspaces(WorkspaceConfig config, AllowedWorkspaces allowed, Encryption encryption,
            Instance<TokenWorkspaceFinder> finder, Clock clock, ResolvedWorkspaces resolved) {
        this.resolved = resolved;
        this.config = config;
        this.allowed = allowed;
        this.encryption = encryption;
        this.finder = finder;
        this.clock = clock;
    }

    /** Says at start how workspaces get a token. */
    void describeTokens(@Observes StartupEvent started) {
        if (configuredToken().isEmpty()) {
            Log.info("INTERCOM_ACCESS_TOKEN is not set: only workspaces that install the app with OAuth are served");
        }
    }

    /** Everything a call to Intercom for the workspace needs: region, host, token (or why there is none). */
    public Workspace resolve(String workspaceId) {
        if (workspaceId == null) {
            return resolve(null, null);
        }
        return resolved.get(workspaceId, id -> resolve(id, record(id)));
    }


    private Workspace resolve(String workspaceId, WorkspaceRecord record) {
        boolean installed = record != null && record.tokenSealed != null;
        // Only a workspace without its own token may be the configured token's; asked once, here.
        Optional<TokenWorkspaceFinder.Located> owner = installed ? Optional.empty()
                : configuredTokenOwner(workspaceId, record);
        Region region = Optional.ofNullable(regions.get(workspaceId))
                .or(() -> Optional.ofNullable(record).flatMap(r -> Region.parse(r.region)))
                .or(() -> owner.map(TokenWorkspaceFinder.Located::region))
                .orElse(Region.US);
        Optional<String> token = Optional.empty();
        String why = NOT_INSTALLED;
        if (installed) {
            why = allowed.permits(workspaceId) ? null : NOT_ALLOWED;
            if (why == null) {
                try {
                    token = Optional.of(encryption.open(record.tokenSealed, tokenContext(workspaceId)));
                } catch (Encryption.Unreadable e) {
                    why = UNREADABLE;
                }
            }
        } else if (owner.isPresent()) {
            token = configuredToken();
            why = null;
        }
        return new Workspace(workspaceId, region, config.apiHost(region), token, why);
    }

    /** True when the workspace has a usable token: installed, still allowed, or the configured token's own. */
    public boolean isServed(String workspaceId) {
        return resolve(workspaceId).token().isPresent();
    }

    /** Every served workspace: installed and still allowed, or the configured token's own. */
    public List<String> installed() {
        List<WorkspaceRecord> records = QuarkusTransaction.joiningExisting().call(() -> WorkspaceRecord
                .<WorkspaceRecord>find("tokenSealed is not null or configuredTokenDigest is not null").list());
        return records.stream().filter(r -> resolve(r.id, r).token().isPresent()).map(r -> r.id).toList();
    }

    /**
     * Stores the workspace's token (sealed) and who installed it; installing again replaces the token and
     * forgets an earlier refusal. The region is the one {@code GET /me} said.
     */
    public void install(String workspaceId, Region region, String token, String adminId) {
        QuarkusTransaction.joiningExisting().run(() -> {
            WorkspaceRecord record = recordForUpdate(workspaceId);
            record.region = region.code();
            record.tokenSealed = encryption.seal(token, tokenContext(workspaceId));
            record.installedBy = adminId;
            record.installedAt = clock.instant();
            record.updatedAt = clock.instant();
            record.persist();
            resolved.forget(workspaceId);
        });
        regions.put(workspaceId, region);
        resolved.forget(workspaceId);
        refusals.accepted(workspaceId);
    }

    /** Who installed the workspace with OAuth, and when; empty when it has no installation of its own. */
    public Optional<Installation> installation(String workspaceId) {
        WorkspaceRecord record = record(workspaceId);
        return record == null || record.tokenSealed == null ? Optional.empty()
                : Optional.of(new Installation(record.installedBy, record.installedAt));
    }

    /** {@code installedBy}: the admin's id, null when Intercom named none this app keeps. */
    public record Installation(String installedBy, Instant installedAt) {
    }

    /** Forgets the workspace's token and installer; true when there was an installation to forget. */
    public boolean uninstall(String workspaceId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            WorkspaceRecord record = WorkspaceRecord.findById(workspaceId);
            if (record == null || record.tokenSealed == null) {
                return false;
            }
            record.tokenSealed = null;
            record.installedBy = null;
            record.installedAt = null;
            record.updatedAt = clock.instant();
            resolved.forget(workspaceId);
            return true;
        });
    }

    /**
     * A request named the workspace with this region text. Only Intercom's regions are recorded; anything else is
     * treated as not saying, so no request value of another shape reaches the database.
     */
    public void seen(String workspaceId, String regionText) {
        Region.parse(regionText).ifPresent(region -> remember(workspaceId, region));
    }

    /** Records the workspace's region when it is new or has changed. */
    public void remember(String workspaceId, Region region) {
        if (region == regions.get(workspaceId)) {
            return;
        }
        save(workspaceId, record -> record.region = region.code());
        regions.put(workspaceId, region);
        resolved.forget(workspaceId);
    }

    /** Intercom said the workspace owns {@code INTERCOM_ACCESS_TOKEN}: recorded, so a restart need not ask again. */
    public void ownsConfiguredToken(String workspaceId, Region region) {
        configuredToken().ifPresent(token -> save(workspaceId, record -> {
            record.region = region.code();
            record.configuredTokenDigest = encryption.digest(token);
        }));
        regions.put(workspaceId, region);
        resolved.forget(workspaceId);
    }

    /** The region the workspace was last seen with, if it ever was (asked of the database until it is known). */
    public Optional<Region> knownRegion(String workspaceId) {
        Region region = regions.get(workspaceId);
        if (region == null) {
            WorkspaceRecord record = record(workspaceId);
            region = record == null ? null : Region.parse(record.region).orElse(null);
            if (region != null) {
                regions.put(workspaceId, region);
            }
        }
        return Optional.ofNullable(region);
    }

    /** True after Intercom refused the workspace's current token; false again once the token changes or works. */
    public boolean isTokenRefused(String workspaceId) {
        return isTokenRefused(resolve(workspaceId));
    }

    /** {@link #isTokenRefused(String)} for a workspace already resolved. */
    public boolean isTokenRefused(Workspace workspace) {
        return workspace.token().map(token -> refusals.isRefused(workspace.id(), token)).orElse(false);
    }

    /** Intercom answered 401 to this token, which may already have been replaced by the time the answer came. */
    public void tokenRefused(String workspaceId, String token) {
        refusals.refused(workspaceId, token);
    }

    /** Intercom accepted the workspace's token again (a call went through). */
    public void tokenAccepted(String workspaceId) {
        refusals.accepted(workspaceId);
    }

    /** The configured token's workspace when it is this one: from the stored digest, else from Intercom. */
    private Optional<TokenWorkspaceFinder.Located> configuredTokenOwner(String workspaceId, WorkspaceRecord record) {
        Optional<String> token = configuredToken();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        if (record != null && record.configuredTokenDigest != null
                && encryption.digests(token.get()).contains(record.configuredTokenDigest)) {
            return Region.parse(record.region).map(region -> new TokenWorkspaceFinder.Located(workspaceId, region));
        }
        if (!finder.isResolvable()) {
            return Optional.empty();
        }
        return finder.get().configuredTokenWorkspace().filter(owner -> owner.workspaceId().equals(workspaceId));
    }

    private WorkspaceRecord record(String workspaceId) {
        return QuarkusTransaction.joiningExisting().call(() -> WorkspaceRecord.findById(workspaceId));
    }

    private WorkspaceRecord recordForUpdate(String workspaceId) {
        WorkspaceRecord record = WorkspaceRecord.findById(workspaceId);
        if (record == null) {
            record = new WorkspaceRecord();
            record.id = workspaceId;
            record.region = Region.US.code();
        }
        return record;
    }

    private void save(String workspaceId, Consumer<WorkspaceRecord> change) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                WorkspaceRecord record = recordForUpdate(workspaceId);
                change.accept(record);
                record.updatedAt = clock.instant();
                // Flushed here, so that another instance recording the workspace at the same moment makes this
                // fail inside the try below rather than at commit, where the transaction manager logs a stack trace.
                record.persistAndFlush();
                resolved.forget(workspaceId);
            });
        } catch (RuntimeException concurrentFirstSight) {
            // Another request recorded the workspace at the same moment; the next one will settle it.
            Log.debugf("Workspace %s not recorded this time: %s", workspaceId, Causes.rootName(concurrentFirstSight));
        }
    }

    private static String tokenContext(String workspaceId) {
        return "workspace-token:" + workspaceId;
    }

    private Optional<String> configuredToken() {
        return config.accessToken().map(String::trim).filter(token -> !token.isEmpty());
    }
}
