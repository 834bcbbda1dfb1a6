package app.carepanel.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import app.carepanel.intercom.AttributeLimitReached;
import app.carepanel.intercom.IntercomClient;
import app.carepanel.intercom.IntercomClient.DataAttribute;
import app.carepanel.intercom.IntercomException;
import app.carepanel.workspace.Setting;
import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.WorkspaceSettings;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.logging.Log;

/**
 * Makes sure the attributes the sync writes exist on a workspace, creating the missing ones with their types,
 * and says which may be written. An attribute that exists with another type is left alone (Intercom cannot
 * change a type) and not written; at the workspace's 250-attribute cap the missing ones are not written. The
 * answer is kept per workspace for a while ({@code workspace-attributes} cache), so the check costs one call.
 */
@ApplicationScoped
public class AttributeCatalog {

    private final IntercomClient intercom;
    private final Cache checked;
    private final Map<String, List<String>> problems = new ConcurrentHashMap<>();

    AttributeCatalog(IntercomClient intercom, @CacheName("workspace-attributes") Cache checked) {
        this.intercom = intercom;
        this.checked = checked;
    }

    /**
     * The names among {@code wanted} (name → data type) that can be written on the workspace. When none can (the
     * token may not create attributes, say), the sync fails as unavailable with that reason, to be tried again
     * after its backoff, rather than writing nothing; the answer is kept like any other, so retries do not ask
     * Intercom to create every attribute again.
     */
    public Set<String> writable(Workspace workspace, Map<String, String> wanted) {
        Set<String> writable = checked.<String, Set<String>>get(workspace.id(), id -> ensure(workspace, wanted))
                .await().indefinitely();
        if (writable.isEmpty() && !wanted.isEmpty()) {
            throw new IntercomException.Unavailable("none of the attributes can be written on the workspace (see "
                    + "the attribute problems in /sync/status)");
        }
        return writable;
    }

    /** A workspace's attribute names or companions changed: the next sync checks (and creates) its attributes again. */
    void settingsChanged(@Observes WorkspaceSettings.SettingsChanged change) {
        if (change.settings().contains(Setting.ATTRIBUTE_NAMES) || change.settings().contains(Setting.TYPED_COMPANIONS)) {
            checked.invalidate(change.workspaceId()).await().indefinitely();
        }
    }

    /** What kept attributes from being written, per workspace id (no client data: attribute names and counts). */
    public Map<String, List<String>> problems() {
        return Map.copyOf(problems);
    }

    private Set<String> ensure(Workspace workspace, Map<String, String> wanted) {
        List<DataAttribute> listed;
        try {
            listed = intercom.listContactAttributes(workspace);
        } catch (IntercomException.Rejected e) {
            // Without the list nothing can be checked or created; write them all and let Intercom say which it
            // does not know (the write then fails with its reason in the status).
            String note = "the workspace's attributes could not be listed (" + e.getMessage()
                    + "); every attribute is written as if it existed";
            problems.put(workspace.id(), List.of(note));
            Log.warnf("Workspace %s: %s", workspace.id(), note);
            return Set.copyOf(wanted.keySet());
        }
        Map<String, DataAttribute> existing = byName(listed);
        Set<String> writable = new LinkedHashSet<>();
        Map<String, String> refused = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<String> notCreated = new ArrayList<>();
        boolean atCap = false;
        for (Map.Entry<String, String> entry : wanted.entrySet()) {
            String name = entry.getKey();
            String type = entry.getValue();
            DataAttribute found = existing.get(name);
            if (found != null) {
                if (!found.custom()) {
                    notes.add("'" + name + "' is one of Intercom's standard attributes; not written");
                } else if (!type.equalsIgnoreCase(found.dataType())) {
                    notes.add("'" + name + "' exists as " + found.dataType() + ", not " + type + "; not written");
                } else {
                    writable.add(name);
                }
                continue;
            }
            if (atCap) {
                notCreated.add(name);
                continue;
            }
            try {
                intercom.createContactAttribute(workspace, name, type, "Written by the care platform app");
                writable.add(name);
                Log.infof("Created contact attribute '%s' (%s) in workspace %s", name, type, workspace.id());
            } catch (AttributeLimitReached e) {
                atCap = true;
                notCreated.add(name);
            } catch (IntercomException.Rejected e) {
                refused.put(name, e.getMessage());
            }
        }
        if (!refused.isEmpty()) {
            // Most often another instance created it a moment ago ("You already have ..."): look again.
            Map<String, DataAttribute> now = relisted(workspace);
            refused.forEach((name, reason) -> {
                DataAttribute found = now.get(name);
                if (found != null && found.custom() && wanted.get(name).equalsIgnoreCase(found.dataType())) {
                    writable.add(name);
                } else {
                    notes.add("'" + name + "' could not be created: " + reason);
                }
            });
        }
        if (atCap) {
            notes.add("the workspace is at Intercom's 250 custom-attribute cap; not created and not written: "
                    + String.join(", ", notCreated));
        }
        if (notes.isEmpty()) {
            problems.remove(workspace.id());
        } else {
            problems.put(workspace.id(), List.copyOf(notes));
            notes.forEach(note -> Log.warnf("Workspace %s: %s", workspace.id(), note));
        }
        return Set.copyOf(writable);
    }

    private Map<String, DataAttribute> relisted(Workspace workspace) {
        try {
            return byName(intercom.listContactAttributes(workspace));
        } catch (IntercomException.Rejected e) {
            return Map.of();
        }
    }

    private static Map<String, DataAttribute> byName(List<DataAttribute> listed) {
        return listed.stream().collect(Collectors.toMap(DataAttribute::name, Function.identity(), (a, b) -> a.custom() ? a : b));
    }
}
