package app.carepanel.canvas;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import app.carepanel.audit.AccessAudit;
import app.carepanel.intercom.IntercomContact;
import app.carepanel.profile.EmailCheck;
import app.carepanel.profile.EmailScreen;
import app.carepanel.profile.ProfileKey;
import app.carepanel.profile.ProfileLookup;
import app.carepanel.profile.ProfileService;
import app.carepanel.sync.ContactViewed;
import app.carepanel.workspace.PanelAccess;
import app.carepanel.workspace.Workspaces;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * One panel request, top to bottom: whether the workspace and the teammate may see client data, who the contact
 * is, whether their email may be looked up, the profile (cache, platform, last known), the canvas, a row in the
 * access audit trail, and a {@link ContactViewed} for the sync, which the canvas does not wait for.
 */
@ApplicationScoped
class PanelService {

    private final PanelAccess access;
    private final EmailScreen emails;
    private final ProfileService profiles;
    private final CanvasRenderer renderer;
    private final Workspaces workspaces;
    private final AccessAudit audit;
    private final Event<ContactViewed> viewed;
    private final Clock clock;
    private final MeterRegistry metrics;

    PanelService(PanelAccess access, EmailScreen emails, ProfileService profiles, CanvasRenderer renderer,
            Workspaces workspaces, AccessAudit audit, Event<ContactViewed> viewed, Clock clock, MeterRegistry metrics) {
        this.metrics = metrics;
        this.access = access;
        this.emails = emails;
        this.profiles = profiles;
        this.renderer = renderer;
        this.workspaces = workspaces;
        this.audit = audit;
        this.viewed = viewed;
        this.clock = clock;
    }

    Canvas initialize(CanvasRequest request) {
        return show(request, PanelView.SUMMARY, AccessAudit.Action.VIEW, false);
    }

    /** A button on the canvas: Refresh re-fetches and keeps the view; Show all / Show less switch the view. */
    Canvas submit(CanvasRequest request) {
        return submit(request, false);
    }

    /**
     * The console's preview, signed in as an admin of the workspace: the same answer as the Inbox's, initialize
     * when no button was pressed, else submit. The workspace must be served, but the teammate's teams are not
     * asked (the console knows none); the audit trail records it as a preview. Without a contact id nothing is
     * queued for the sync.
     */
    Canvas preview(CanvasRequest request) {
        return request.componentId() == null ? show(request, PanelView.SUMMARY, AccessAudit.Action.PREVIEW, true)
                : submit(request, true);
    }

    private Canvas submit(CanvasRequest request, boolean preview) {
        String component = request.componentId() == null ? "" : request.componentId();
        AccessAudit.Action refresh = preview ? AccessAudit.Action.PREVIEW : AccessAudit.Action.REFRESH;
        AccessAudit.Action showAll = preview ? AccessAudit.Action.PREVIEW : AccessAudit.Action.SHOW_ALL;
        AccessAudit.Action view = preview ? AccessAudit.Action.PREVIEW : AccessAudit.Action.VIEW;
        return switch (component) {
            case CanvasRenderer.REFRESH -> show(request, PanelView.fromStored(request.stored(PanelView.STORED_KEY)),
                    refresh, preview);
            case CanvasRenderer.SHOW_ALL -> show(request, PanelView.ALL, showAll, preview);
            default -> show(request, PanelView.SUMMARY, view, preview);
        };
    }

    /** A canvas and what the audit trail says of it. */
    private record Answer(Canvas canvas, String outcome, List<Long> clientIds) {

        static Answer of(Canvas canvas, String outcome) {
            return new Answer(canvas, outcome, List.of());
        }
    }

    private Canvas show(CanvasRequest request, PanelView view, AccessAudit.Action action, boolean preview) {
        long started = System.nanoTime();
        String workspaceId = request.workspaceId();
        IntercomContact contact = request.subject().orElse(null);
        String contactId = contact == null ? null : contact.id();
        Answer answer;
        try {
            boolean refresh = CanvasRenderer.REFRESH.equals(request.componentId());
            answer = answer(request, contact, view, refresh, preview);
        } catch (RuntimeException e) {
            // The teammate still gets a canvas that says what happened; the cause goes to the log, without data.
            Log.errorf(e, "Panel for contact %s in workspace %s failed", contactId, workspaceId);
            answer = Answer.of(renderer.failed(), "failed");
        }
        try {
            audit.record(new AccessAudit.Entry(workspaceId, request.adminId(), contactId, answer.clientIds(), action,
                    answer.outcome()));
        } catch (RuntimeException e) {
            // Nothing is shown that the trail does not record.
            Log.errorf("Panel for contact %s in workspace %s withheld: the access audit could not be written (%s)",
                    contactId, workspaceId, e.getClass().getSimpleName());
            answer = Answer.of(renderer.failed(), "failed (audit)");
        }
        long took = System.nanoTime() - started;
        metrics.timer("care_panel.canvas.answers", "outcome", answer.outcome().replace(' ', '_'), "action",
                action.name().toLowerCase(Locale.ROOT)).record(took, TimeUnit.NANOSECONDS);
        Log.infof("Panel for contact %s in workspace %s: %s (%s) in %d ms", contactId, workspaceId, answer.outcome(),
                action.word(), took / 1_000_000);
        return answer.canvas();
    }

    /** When the client data shown was fetched; null when none was shown. */
    private static Instant shownDataAsOf(ProfileLookup found) {
        return found instanceof ProfileLookup.Fresh fresh ? fresh.profile().fetchedAt()
                : found instanceof ProfileLookup.Stale stale ? stale.profile().fetchedAt() : null;
    }

    private Answer answer(CanvasRequest request, IntercomContact contact, PanelView view, boolean refresh,
            boolean preview) {
        String workspaceId = request.workspaceId();
        workspaces.seen(workspaceId, request.workspaceRegion());
        PanelAccess.Decision decision = access.decide(workspaceId, request.teamIds());
        if (preview && decision == PanelAccess.Decision.NOT_IN_ALLOWED_TEAM) {
            decision = PanelAccess.Decision.ALLOWED;
        }
        switch (decision) {
            case NOT_INSTALLED:
                return Answer.of(renderer.notInstalled(), "not installed");
            case NOT_ALLOWED:
                return Answer.of(renderer.notAllowed(), "not allowed");
            case NOT_IN_ALLOWED_TEAM:
                return Answer.of(renderer.noAccess(), "denied");
            case ALLOWED:
                break;
        }
        if (contact == null) {
            return Answer.of(renderer.noContact(), "no contact");
        }
        EmailCheck check = emails.check(workspaceId, contact.email(), request.replyToEmails());
        if (!(check instanceof EmailCheck.Lookup lookup)) {
            return check instanceof EmailCheck.Missing ? Answer.of(renderer.noEmail(), "no email")
                    : check instanceof EmailCheck.Invalid ? Answer.of(renderer.invalidEmail(), "invalid email")
                    : Answer.of(renderer.sharedAddress(), "excluded");
        }
        Instant asked = clock.instant();
        ProfileLookup found = profiles.lookup(new ProfileKey(workspaceId, lookup.email()), refresh);
        Canvas canvas = renderer.lookup(found, view, workspaceId);
        if (contact.id() != null) {
            // A preview's email is what the admin typed, not the contact's: its sync reads the contact's own.
            viewed.fireAsync(new ContactViewed(workspaceId, contact.id(), preview ? null : lookup.email(), refresh,
                    shownDataAsOf(found)));
        }
        return new Answer(canvas, ProfileOutcome.of(found, asked), ProfileOutcome.clientIds(found));
    }
}
