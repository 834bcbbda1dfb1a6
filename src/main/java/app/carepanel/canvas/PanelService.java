package app.carepanel.canvas;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.audit.AccessAudit;
import app.carepanel.intercom.IntercomContact;
import app.carepanel.link.ContactLinks;
import app.carepanel.workspace.PanelAccess;
import app.carepanel.workspace.Workspaces;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * One panel request, top to bottom: whether the workspace and the teammate may see client data, who the contact
 * is, then the panel of a contact linked by hand ({@link LinkedPanel}) or of its email ({@link EmailPanel}), or a
 * step of finding and linking a client ({@link ClientLinkFlow}); then a row in the access audit trail.
 */
@ApplicationScoped
class PanelService {

    private final PanelAccess access;
    private final EmailPanel emailPanel;
    private final LinkedPanel linkedPanel;
    private final ClientLinkFlow linkFlow;
    private final ContactLinks links;
    private final CanvasRenderer renderer;
    private final Workspaces workspaces;
    private final AccessAudit audit;
    private final MeterRegistry metrics;

    PanelService(PanelAccess access, EmailPanel emailPanel, LinkedPanel linkedPanel, ClientLinkFlow linkFlow,
            ContactLinks links, CanvasRenderer renderer, Workspaces workspaces, AccessAudit audit, MeterRegistry metrics) {
        this.access = access;
        this.emailPanel = emailPanel;
        this.linkedPanel = linkedPanel;
        this.linkFlow = linkFlow;
        this.links = links;
        this.renderer = renderer;
        this.workspaces = workspaces;
        this.audit = audit;
        this.metrics = metrics;
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
        if (ClientLinkFlow.handles(component)) {
            return respond(request, ClientLinkFlow.action(component),
                    contact -> linkFlow.answer(request, contact, preview), preview);
        }
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

    private Canvas show(CanvasRequest request, PanelView view, AccessAudit.Action action, boolean preview) {
        boolean refresh = CanvasRenderer.REFRESH.equals(request.componentId());
        return respond(request, action, contact -> links.forView(request.workspaceId(), contact.id())
                .map(link -> linkedPanel.answer(request, contact, link, view, refresh))
                .orElseGet(() -> emailPanel.answer(request, contact, view, refresh, preview)), preview);
    }

    /**
     * The envelope of every answer: whether the workspace and teammate may see client data and there is a contact,
     * then {@code panel}'s canvas (a failure becomes a canvas that says so), the audit row, the metric and the log line.
     */
    private Canvas respond(CanvasRequest request, AccessAudit.Action action,
            Function<IntercomContact, PanelAnswer> panel, boolean preview) {
        long started = System.nanoTime();
        String workspaceId = request.workspaceId();
        IntercomContact contact = request.subject().orElse(null);
        String contactId = contact == null ? null : contact.id();
        PanelAnswer answer;
        try {
            answer = gate(request, contact, preview).orElseGet(() -> panel.apply(contact));
        } catch (RuntimeException e) {
            // The teammate still gets a canvas that says what happened; the cause goes to the log, without data.
            Log.errorf(e, "Panel for contact %s in workspace %s failed", contactId, workspaceId);
            answer = PanelAnswer.of(renderer.failed(), "failed");
        }
        try {
            audit.record(new AccessAudit.Entry(workspaceId, request.adminId(), contactId, answer.clientIds(), action,
                    answer.outcome()));
        } catch (RuntimeException e) {
            // Nothing is shown that the trail does not record.
            Log.errorf("Panel for contact %s in workspace %s withheld: the access audit could not be written (%s)",
                    contactId, workspaceId, e.getClass().getSimpleName());
            answer = PanelAnswer.of(renderer.failed(), "failed (audit)");
        }
        long took = System.nanoTime() - started;
        metrics.timer("care_panel.canvas.answers", "outcome", answer.outcome().replace(' ', '_'), "action",
                action.name().toLowerCase(Locale.ROOT)).record(took, TimeUnit.NANOSECONDS);
        Log.infof("Panel for contact %s in workspace %s: %s (%s) in %d ms", contactId, workspaceId, answer.outcome(),
                action.word(), took / 1_000_000);
        return answer.canvas();
    }

    /** The canvas that refuses to show anything, when the workspace, the teammate or the request calls for one. */
    private Optional<PanelAnswer> gate(CanvasRequest request, IntercomContact contact, boolean preview) {
        String workspaceId = request.workspaceId();
        workspaces.seen(workspaceId, request.workspaceRegion());
        PanelAccess.Decision decision = access.decide(workspaceId, request.teamIds());
        if (preview && decision == PanelAccess.Decision.NOT_IN_ALLOWED_TEAM) {
            decision = PanelAccess.Decision.ALLOWED;
        }
        switch (decision) {
            case NOT_INSTALLED:
                return Optional.of(PanelAnswer.of(renderer.notInstalled(), "not installed"));
            case NOT_ALLOWED:
                return Optional.of(PanelAnswer.of(renderer.notAllowed(), "not allowed"));
            case NOT_IN_ALLOWED_TEAM:
                return Optional.of(PanelAnswer.of(renderer.noAccess(), "denied"));
            case ALLOWED:
                break;
        }
        return contact == null ? Optional.of(PanelAnswer.of(renderer.noContact(), "no contact")) : Optional.empty();
    }
}
