package app.carepanel.canvas;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import app.carepanel.intercom.IntercomContact;
import app.carepanel.profile.EmailCheck;
import app.carepanel.profile.EmailScreen;
import app.carepanel.profile.ProfileKey;
import app.carepanel.profile.ProfileLookup;
import app.carepanel.profile.ProfileService;
import app.carepanel.sync.ContactViewed;

/**
 * The panel of a contact that is not linked by hand: its email screened, looked up (cache, platform, last known),
 * drawn, and a {@link ContactViewed} fired for the sync.
 */
@ApplicationScoped
class EmailPanel {

    private final EmailScreen emails;
    private final ProfileService profiles;
    private final CanvasRenderer renderer;
    private final Event<ContactViewed> viewed;
    private final Clock clock;

    EmailPanel(EmailScreen emails, ProfileService profiles, CanvasRenderer renderer, Event<ContactViewed> viewed,
            Clock clock) {
        this.emails = emails;
        this.profiles = profiles;
        this.renderer = renderer;
        this.viewed = viewed;
        this.clock = clock;
    }

    PanelAnswer answer(CanvasRequest request, IntercomContact contact, PanelView view, boolean refresh, boolean preview) {
        String workspaceId = request.workspaceId();
        EmailCheck check = emails.check(workspaceId, contact.email(), request.replyToEmails());
        if (!(check instanceof EmailCheck.Lookup lookup)) {
            return check instanceof EmailCheck.Missing ? PanelAnswer.of(renderer.noEmail(), "no email")
                    : check instanceof EmailCheck.Invalid ? PanelAnswer.of(renderer.invalidEmail(), "invalid email")
                    : PanelAnswer.of(renderer.sharedAddress(), "excluded");
        }
        Instant asked = clock.instant();
        ProfileLookup found = profiles.lookup(new ProfileKey(workspaceId, lookup.email()), refresh);
        Canvas canvas = renderer.lookup(found, view, workspaceId);
        if (contact.id() != null) {
            // A preview's email is what the admin typed, not the contact's: its sync reads the contact's own.
            viewed.fireAsync(new ContactViewed(workspaceId, contact.id(), preview ? null : lookup.email(), refresh,
                    found.fetchedAt()));
        }
        return new PanelAnswer(canvas, ProfileOutcome.of(found, asked), ProfileOutcome.clientIds(found));
    }

    /** The contact's email as the panel would look it up, or null when it would not (missing, invalid, shared). */
    String lookupEmail(CanvasRequest request, IntercomContact contact) {
        EmailCheck check = emails.check(request.workspaceId(), contact.email(), request.replyToEmails());
        return check instanceof EmailCheck.Lookup lookup ? lookup.email() : null;
    }
}
