package app.carepanel.canvas;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import app.carepanel.intercom.IntercomContact;
import app.carepanel.link.ContactLinks;
import app.carepanel.profile.AccountValues;
import app.carepanel.profile.ProfileKey;
import app.carepanel.profile.ProfileLookup;
import app.carepanel.profile.ProfileService;
import app.carepanel.sync.ContactViewed;

/**
 * The panel of a contact linked by hand: its client, by platform id, first; a muted line when the contact's email
 * also matches other clients; who linked it and when, and Unlink.
 */
@ApplicationScoped
class LinkedPanel {

    private final ProfileService profiles;
    private final EmailPanel emailPanel;
    private final CanvasRenderer renderer;
    private final Event<ContactViewed> viewed;
    private final Clock clock;

    LinkedPanel(ProfileService profiles, EmailPanel emailPanel, CanvasRenderer renderer, Event<ContactViewed> viewed,
            Clock clock) {
        this.profiles = profiles;
        this.emailPanel = emailPanel;
        this.renderer = renderer;
        this.viewed = viewed;
        this.clock = clock;
    }

    PanelAnswer answer(CanvasRequest request, IntercomContact contact, ContactLinks.Link link, PanelView view,
            boolean refresh) {
        String workspaceId = request.workspaceId();
        Instant asked = clock.instant();
        ProfileLookup found = profiles.lookup(ProfileKey.ofClient(workspaceId, link.clientId()), refresh);
        viewed.fireAsync(new ContactViewed(workspaceId, contact.id(), null, refresh));
        List<Component> after = LinkCanvases.linkedLines(link);
        if (found instanceof ProfileLookup.Fresh fresh && !fresh.profile().accountFound()) {
            List<Component> gone = new ArrayList<>(List.of(Component.Text.muted("Client " + link.clientId()
                    + ", linked by hand, is not on the platform any more. Unlink to look the contact up by its email.")));
            gone.add(Component.Button.submit(CanvasRenderer.REFRESH, "Refresh"));
            gone.addAll(after);
            return PanelAnswer.of(new Canvas(gone, java.util.Map.of(PanelView.STORED_KEY, view.stored())), "linked gone");
        }
        if (found instanceof ProfileLookup.Unavailable) {
            return PanelAnswer.of(LinkCanvases.around(LinkCanvases.notice("The platform is not responding, so linked "
                    + "client " + link.clientId() + " cannot be shown. Try Refresh in a moment."), List.of(), after),
                    "unavailable");
        }
        List<Component> before = othersMatching(request, contact, link.clientId());
        Canvas canvas = LinkCanvases.around(renderer.lookup(found, view, workspaceId), before, after);
        return new PanelAnswer(canvas, "linked " + ProfileOutcome.of(found, asked), ProfileOutcome.clientIds(found));
    }

    /** A muted line when the contact's email matches clients other than the linked one (from the cache if fresh). */
    private List<Component> othersMatching(CanvasRequest request, IntercomContact contact, long linkedId) {
        String email = emailPanel.lookupEmail(request, contact);
        if (email == null) {
            return List.of();
        }
        ProfileLookup byEmail = profiles.lookup(new ProfileKey(request.workspaceId(), email), false);
        if (!(byEmail instanceof ProfileLookup.Fresh fresh)) {
            return List.of();
        }
        long others = fresh.profile().accounts().stream().map(AccountValues::clientId)
                .filter(id -> id != linkedId).count() + fresh.profile().accountCount() - fresh.profile().accounts().size();
        if (others == 0) {
            return List.of();
        }
        return List.of(Component.Text.muted("Shown: the client this contact is linked to. Its email also matches "
                + others + (others == 1 ? " other platform account" : " other platform accounts")
                + "; Unlink to see " + (others == 1 ? "it." : "them.")));
    }
}
