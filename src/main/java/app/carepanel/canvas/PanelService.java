package app.carepanel.canvas;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.intercom.IntercomContact;
import app.carepanel.profile.EmailCheck;
import app.carepanel.profile.EmailScreen;
import app.carepanel.profile.ProfileKey;
import app.carepanel.profile.ProfileLookup;
import app.carepanel.profile.ProfileService;
import app.carepanel.sync.SyncTriggers;
import app.carepanel.workspace.Workspace;
import io.quarkus.logging.Log;

/**
 * One panel request, top to bottom: who the contact is, whether their email may be looked up, the profile
 * (cache, platform, last known), and the canvas.
 */
@ApplicationScoped
class PanelService {

    private final EmailScreen emails;
    private final ProfileService profiles;
    private final CanvasRenderer renderer;
    private final SyncTriggers sync;

    PanelService(EmailScreen emails, ProfileService profiles, CanvasRenderer renderer, SyncTriggers sync) {
        this.emails = emails;
        this.profiles = profiles;
        this.renderer = renderer;
        this.sync = sync;
    }

    Canvas initialize(CanvasRequest request) {
        return show(request, PanelView.SUMMARY, false);
    }

    /** A button on the canvas: Refresh re-fetches and keeps the view; Show all / Show less switch the view. */
    Canvas submit(CanvasRequest request) {
        String component = request.componentId() == null ? "" : request.componentId();
        return switch (component) {
            case CanvasRenderer.REFRESH -> show(request, PanelView.fromStored(request.stored(PanelView.STORED_KEY)), true);
            case CanvasRenderer.SHOW_ALL -> show(request, PanelView.ALL, false);
            default -> show(request, PanelView.SUMMARY, false);
        };
    }

    private Canvas show(CanvasRequest request, PanelView view, boolean refresh) {
        Workspace workspace = new Workspace(request.workspaceId(), request.workspaceRegion());
        IntercomContact contact = request.subject().orElse(null);
        if (contact == null) {
            return renderer.noContact();
        }
        EmailCheck check = emails.check(contact.email(), request.replyToEmails());
        if (check instanceof EmailCheck.Missing) {
            return renderer.noEmail();
        }
        if (check instanceof EmailCheck.Invalid) {
            return renderer.invalidEmail();
        }
        if (check instanceof EmailCheck.Shared) {
            return renderer.sharedAddress();
        }
        String email = ((EmailCheck.Lookup) check).email();
        Canvas canvas;
        try {
            ProfileLookup lookup = profiles.lookup(new ProfileKey(workspace.id(), email), refresh);
            Log.debugf("Panel for contact %s in workspace %s: %s", contact.id(), workspace.id(),
                    lookup.getClass().getSimpleName());
            canvas = renderer.lookup(lookup, view);
        } catch (RuntimeException e) {
            // The teammate still gets a canvas that says what happened; the cause goes to the log, without data.
            Log.errorf(e, "Panel for contact %s in workspace %s failed", contact.id(), workspace.id());
            return renderer.failed();
        }
        sync.contactViewed(workspace, contact.id(), email, refresh);
        return canvas;
    }
}
