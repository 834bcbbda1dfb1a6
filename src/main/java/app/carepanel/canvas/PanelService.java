package app.carepanel.canvas;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import app.carepanel.intercom.IntercomContact;
import app.carepanel.profile.EmailCheck;
import app.carepanel.profile.EmailScreen;
import app.carepanel.profile.ProfileKey;
import app.carepanel.profile.ProfileLookup;
import app.carepanel.profile.ProfileService;
import app.carepanel.sync.ContactViewed;
import app.carepanel.workspace.Workspaces;
import io.quarkus.logging.Log;

/**
 * One panel request, top to bottom: who the contact is, whether their email may be looked up, the profile
 * (cache, platform, last known), the canvas, and a {@link ContactViewed} for the sync, which the canvas does not
 * wait for.
 */
@ApplicationScoped
class PanelService {

    private final EmailScreen emails;
    private final ProfileService profiles;
    private final CanvasRenderer renderer;
    private final Workspaces workspaces;
    private final Event<ContactViewed> viewed;

    PanelService(EmailScreen emails, ProfileService profiles, CanvasRenderer renderer, Workspaces workspaces,
            Event<ContactViewed> viewed) {
        this.emails = emails;
        this.profiles = profiles;
        this.renderer = renderer;
        this.workspaces = workspaces;
        this.viewed = viewed;
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
        long started = System.nanoTime();
        String workspaceId = request.workspaceId();
        workspaces.seen(workspaceId, request.workspaceRegion());
        IntercomContact contact = request.subject().orElse(null);
        String contactId = contact == null ? null : contact.id();
        String outcome = "failed";
        try {
            if (contact == null) {
                outcome = "no contact";
                return renderer.noContact();
            }
            EmailCheck check = emails.check(contact.email(), request.replyToEmails());
            if (!(check instanceof EmailCheck.Lookup lookup)) {
                outcome = check.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " email";
                return check instanceof EmailCheck.Missing ? renderer.noEmail()
                        : check instanceof EmailCheck.Invalid ? renderer.invalidEmail() : renderer.sharedAddress();
            }
            ProfileLookup found = profiles.lookup(new ProfileKey(workspaceId, lookup.email()), refresh);
            outcome = ProfileOutcome.of(found);
            Canvas canvas = renderer.lookup(found, view);
            viewed.fireAsync(new ContactViewed(workspaceId, contact.id(), lookup.email(), refresh));
            return canvas;
        } catch (RuntimeException e) {
            // The teammate still gets a canvas that says what happened; the cause goes to the log, without data.
            Log.errorf(e, "Panel for contact %s in workspace %s failed", contactId, workspaceId);
            return renderer.failed();
        } finally {
            Log.infof("Panel for contact %s in workspace %s: %s (%s) in %d ms", contactId, workspaceId, outcome,
                    refresh ? "refresh" : view.stored(), (System.nanoTime() - started) / 1_000_000);
        }
    }
}
