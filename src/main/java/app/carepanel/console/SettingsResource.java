package app.carepanel.console;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import app.carepanel.install.AdminSessions;
import app.carepanel.workspace.Setting;
import app.carepanel.workspace.WorkspaceSettings;
import io.quarkus.logging.Log;

/**
 * {@code /admin/settings}: the workspace's own settings, each defaulting to its environment variable. A save
 * checks every value first: with any problem nothing is saved and each problem shows beside its field. A saved
 * change applies from the next view and sync, and is recorded (who, when, which setting).
 */
@Path("/admin/settings")
@Produces(MediaType.TEXT_HTML)
public class SettingsResource {

    private final ConsoleAccess access;
    private final SettingsForm form;
    private final WorkspaceSettings settings;

    SettingsResource(ConsoleAccess access, SettingsForm form, WorkspaceSettings settings) {
        this.access = access;
        this.form = form;
        this.settings = settings;
    }

    @GET
    public Response view(@CookieParam(AdminSessions.COOKIE) String cookie, @QueryParam("notice") String notice) {
        return access.signedIn(cookie, session -> {
            Map<Setting, String> own = settings.of(session.workspaceId());
            return ConsoleAccess.ok(ConsolePages.settings(access.header(session), form.fields(own, Map.of()),
                    "saved".equals(notice) ? "Saved. The panel and the sync use the new settings from the next view." : null,
                    false).render());
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@CookieParam(AdminSessions.COOKIE) String cookie, MultivaluedMap<String, String> fields) {
        return access.signedInForm(cookie, fields.getFirst("csrf"), session -> {
            String workspaceId = session.workspaceId();
            Map<Setting, String> own = settings.of(workspaceId);
            Map<Setting, String> entered = new EnumMap<>(Setting.class);
            Map<Setting, String> problems = new EnumMap<>(Setting.class);
            for (Setting setting : Setting.values()) {
                String value = Optional.ofNullable(fields.getFirst(setting.key)).map(String::strip).orElse("");
                entered.put(setting, value);
                form.problemWith(setting, value).ifPresent(problem -> problems.put(setting, problem));
            }
            if (!problems.isEmpty()) {
                return ConsoleAccess.page(Response.Status.BAD_REQUEST, ConsolePages.settings(access.header(session),
                        form.fields(entered, problems), null, true).render());
            }
            Map<Setting, Optional<String>> changes = new EnumMap<>(Setting.class);
            entered.forEach((setting, value) -> {
                if (!value.equals(own.getOrDefault(setting, ""))) {
                    changes.put(setting, value.isEmpty() ? Optional.empty() : Optional.of(value));
                }
            });
            settings.change(workspaceId, session.adminId(), changes);
            Log.infof("Admin %s changed %d settings of workspace %s: %s", session.adminId(), changes.size(),
                    workspaceId, changes.keySet());
            return ConsoleAccess.seeOther("/admin/settings?notice=saved");
        });
    }
}
