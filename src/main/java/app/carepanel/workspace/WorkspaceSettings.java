package app.carepanel.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The settings each workspace's admin changed in the console. A view or a sync asks {@link #of} for its
 * workspace and falls back to the environment default for any setting without a value here. Values are held in a
 * short-lived cache ({@code workspace-settings}): a change applies at once on this instance (the cache is emptied
 * for the workspace, and {@link SettingsChanged} fired) and within the cache's lifetime on others.
 */
@ApplicationScoped
public class WorkspaceSettings {

    private final Cache cache;
    private final Event<SettingsChanged> changed;
    private final Clock clock;

    WorkspaceSettings(@CacheName("workspace-settings") Cache cache, Event<SettingsChanged> changed, Clock clock) {
        this.cache = cache;
        this.changed = changed;
        this.clock = clock;
    }

    /** The workspace's settings that changed, for whoever keeps what depended on them. */
    public record SettingsChanged(String workspaceId, List<Setting> settings) {
    }

    /** The workspace's own values; a setting absent from the map takes its environment default. */
    public Map<Setting, String> of(String workspaceId) {
        return cache.get(workspaceId, this::read).await().indefinitely();
    }

    public Optional<String> value(String workspaceId, Setting setting) {
        return workspaceId == null ? Optional.empty() : Optional.ofNullable(of(workspaceId).get(setting));
    }

    /**
     * Stores the changes (an empty value goes back to the default) and records who changed which setting; the
     * caller has validated the values.
     */
    public void change(String workspaceId, String adminId, Map<Setting, Optional<String>> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> changes.forEach((setting, value) -> {
            SettingRecord row = SettingRecord.findById(new SettingRecord.Key(workspaceId, setting.key));
            if (value.isEmpty()) {
                if (row != null) {
                    row.delete();
                }
            } else {
                if (row == null) {
                    row = new SettingRecord();
                    row.workspaceId = workspaceId;
                    row.name = setting.key;
                }
                row.value = value.get();
                row.updatedAt = now;
                row.updatedBy = adminId;
                row.persist();
            }
            SettingChange change = new SettingChange();
            change.workspaceId = workspaceId;
            change.adminId = adminId;
            change.name = setting.key;
            change.at = now;
            change.persist();
        }));
        cache.invalidate(workspaceId).await().indefinitely();
        changed.fire(new SettingsChanged(workspaceId, List.copyOf(changes.keySet())));
    }

    /** Forgets the workspace's settings (it uninstalled); the caller brings the transaction. */
    public long forget(String workspaceId) {
        long deleted = SettingRecord.delete("workspaceId", workspaceId);
        cache.invalidate(workspaceId).await().indefinitely();
        return deleted;
    }

    private Map<Setting, String> read(String workspaceId) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        QuarkusTransaction.joiningExisting().call(() -> SettingRecord.<SettingRecord>list("workspaceId", workspaceId))
                .forEach(row -> Setting.ofKey(row.name).ifPresent(setting -> values.put(setting, row.value)));
        return Map.copyOf(values);
    }
}
