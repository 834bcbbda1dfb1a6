package app.carepanel.workspace;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place that decides whether a teammate sees client data: the workspace must be served (installed, or the
 * configured token's, and allowed), and the teammate must be in one of {@code SIDEBAR_ALLOWED_TEAMS} (every
 * teammate when that is empty). A signature proves only that Intercom sent the request for this app; this decides
 * whether the workspace and the person should see health data. A workspace's admin may set its own teams in the
 * console ({@link Setting#ALLOWED_TEAMS}).
 */
@ApplicationScoped
public class PanelAccess {

    /** What the teammate may see. */
    public enum Decision {
        ALLOWED, NOT_INSTALLED, NOT_ALLOWED, NOT_IN_ALLOWED_TEAM
    }

    private final Workspaces workspaces;
    private final WorkspaceSettings settings;
    private final Set<String> allowedTeams;

    PanelAccess(Workspaces workspaces, AccessConfig config, WorkspaceSettings settings) {
        this.workspaces = workspaces;
        this.settings = settings;
        this.allowedTeams = config.allowedTeams().orElse(List.of()).stream().map(String::trim).filter(team -> !team.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public Decision decide(String workspaceId, Collection<String> teamIds) {
        Workspace workspace = workspaces.resolve(workspaceId);
        if (workspace.token().isEmpty()) {
            // Installed but taken off INSTALL_ALLOWED_WORKSPACES is told apart: installing again would not help.
            return Workspaces.NOT_ALLOWED.equals(workspace.whyNoToken()) ? Decision.NOT_ALLOWED : Decision.NOT_INSTALLED;
        }
        Set<String> teams = settings.value(workspaceId, Setting.ALLOWED_TEAMS)
                .<Set<String>>map(own -> Set.copyOf(Setting.items(own))).orElse(allowedTeams);
        if (!teams.isEmpty() && (teamIds == null || teamIds.stream().noneMatch(teams::contains))) {
            return Decision.NOT_IN_ALLOWED_TEAM;
        }
        return Decision.ALLOWED;
    }
}
