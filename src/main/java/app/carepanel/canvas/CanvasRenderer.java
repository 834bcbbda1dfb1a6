package app.carepanel.canvas;

import static app.carepanel.profile.Attribute.EMPTY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.carepanel.base.Texts;
import app.carepanel.profile.AccountValues;
import app.carepanel.profile.Attribute;
import app.carepanel.profile.AttributeNames;
import app.carepanel.profile.AttributeSettings;
import app.carepanel.profile.ClientProfile;
import app.carepanel.profile.ProfileLookup;

/**
 * Turns a lookup into the Inbox canvas, following Intercom's guidance for the conversation details panel:
 * a short first canvas (name and status, a table of the most useful fields), "Show all" to expand, Refresh,
 * a link to the platform profile, no primary button, absolute dates, and a muted line saying when the data
 * was fetched. States that show no data, errors included, are a plain muted paragraph, as the guidance asks.
 */
@ApplicationScoped
class CanvasRenderer {

    static final String REFRESH = "refresh";
    static final String SHOW_ALL = "show-all";
    static final String SHOW_SUMMARY = "show-summary";

    /** The fields of the first canvas, after the name and status line. */
    private static final List<Attribute> SUMMARY_FIELDS = List.of(
            Attribute.THERAPIST_NAME,
            Attribute.NEXT_APPOINTMENT,
            Attribute.NUMBER_OF_SESSIONS,
            Attribute.UNPAID_INVOICES,
            Attribute.LINKED_ACCOUNTS);

    /**
     * With several accounts the first canvas shows each account shorter, so that two of them stay near the ~400 px
     * Intercom suggests; "Show all" gives every field of each.
     */
    private static final List<Attribute> SUMMARY_FIELDS_OF_SEVERAL = List.of(
            Attribute.THERAPIST_NAME,
            Attribute.NEXT_APPOINTMENT,
            Attribute.UNPAID_INVOICES);

    /** Beyond this, accounts are counted but not drawn, to keep the panel readable. */
    static final int MAX_ACCOUNTS_SHOWN = ClientProfile.MOST_ACCOUNTS_SHOWN;

    /** Intercom refuses a canvas whose content is over 64 KB; this leaves room for its own framing. */
    static final int MAX_CONTENT_BYTES = 60 * 1024;

    /**
     * A value longer than this is cut in the panel (the Inbox would truncate it anyway); shorter cuts follow when
     * even one account would not fit. The attributes keep their own limit of 255 characters.
     */
    static final List<Integer> VALUE_LIMITS = List.of(ClientProfile.LONGEST_VALUE_SHOWN, 250, 60);

    /** A profile link longer than this is no real link; it is left out of the panel rather than cut. */
    static final int MAX_LINK_CHARS = 2048;

    private final AttributeSettings attributes;
    private final ObjectMapper json;

    CanvasRenderer(AttributeSettings attributes, ObjectMapper json) {
        this.attributes = attributes;
        this.json = json;
    }

    /** The workspace has not installed the app: nothing was looked up. */
    Canvas notInstalled() {
        return notice(Component.Text.muted("Care Panel is not set up for this workspace, so no client data is shown. "
                + "An admin of this workspace installs it from Intercom's App Store listing, once the person who "
                + "runs Care Panel has allowed the workspace."), false);
    }

    /** The workspace installed the app but is no longer allowed to see client data: nothing was looked up. */
    Canvas notAllowed() {
        return notice(Component.Text.muted("This workspace is not allowed to see client data in Care Panel, so none "
                + "is shown. The person who runs Care Panel decides which workspaces may; ask them."), false);
    }

    /** The teammate is in none of the teams allowed to see client data: nothing was looked up. */
    Canvas noAccess() {
        return notice(Component.Text.muted("You do not have access to client data in this panel. If you need it, "
                + "ask an admin of this workspace to add you to one of the allowed teams."), false);
    }

    Canvas noContact() {
        return notice(Component.Text.muted("There is no contact in this conversation to look up."), false);
    }

    Canvas noEmail() {
        return notice(Component.Text.muted(
                "This contact has no email address, so there is nothing to look up on the platform."), true);
    }

    Canvas invalidEmail() {
        return notice(Component.Text.muted(
                "This contact's email address is not a valid address, so it was not looked up on the platform."), true);
    }

    Canvas sharedAddress() {
        return notice(Component.Text.muted(
                "This is a shared or system address, not a client's own, so it is not looked up on the platform."), false);
    }

    Canvas failed() {
        return notice(Component.Text.muted("Something went wrong while loading this client. Try Refresh; if it "
                + "keeps happening, tell the person who runs this app."), true);
    }

    /** The panel for what the lookup found, its fields labelled with the workspace's attribute names. */
    Canvas lookup(ProfileLookup lookup, PanelView view, String workspaceId) {
        return lookup(lookup, view, attributes.namesOf(workspaceId));
    }

    Canvas lookup(ProfileLookup lookup, PanelView view, AttributeNames names) {
        if (lookup instanceof ProfileLookup.Fresh fresh) {
            return profile(fresh.profile(), view, names, List.of());
        }
        if (lookup instanceof ProfileLookup.Stale stale) {
            return profile(stale.profile(), view, names, List.of(Component.Text.muted(
                    "The platform is not responding. This is the last data fetched, on "
                            + stale.profile().get(Attribute.USER_DATA_UPDATED_ON) + "; it may be out of date.")));
        }
        return notice(Component.Text.muted("The platform is not responding and there is no earlier data for this "
                + "email. Try Refresh in a moment."), true);
    }

    private Canvas profile(ClientProfile profile, PanelView view, AttributeNames names, List<Component> notices) {
        List<Component> components = new ArrayList<>(notices);
        if (!profile.accountFound()) {
            components.add(Component.Text.muted("No platform account uses this email address. If the client writes "
                    + "from another address, Find client searches the platform by name, phone or client id."));
            components.add(Component.Button.submit(LinkCanvases.FIND, "Find client"));
            components.add(Component.Button.submit(REFRESH, "Refresh"));
            components.add(Component.Text.muted("Checked " + profile.get(Attribute.USER_DATA_UPDATED_ON)));
            return new Canvas(components, Map.of(PanelView.STORED_KEY, view.stored()));
        }
        // As many accounts as fit in Intercom's size limit, with values cut shorter only when one account alone
        // would not fit (60 characters a value always does).
        Canvas canvas = null;
        for (int limit : VALUE_LIMITS) {
            for (int shown = Math.min(profile.accounts().size(), MAX_ACCOUNTS_SHOWN); shown >= 1; shown--) {
                canvas = accounts(profile, view, names, components, shown, limit);
                if (contentBytes(canvas) <= MAX_CONTENT_BYTES) {
                    return canvas;
                }
            }
        }
        return canvas;
    }

    private Canvas accounts(ClientProfile profile, PanelView view, AttributeNames names, List<Component> notices,
            int shown, int limit) {
        List<Component> components = new ArrayList<>(notices);
        List<AccountValues> accounts = profile.accounts();
        int count = profile.accountCount();
        if (count > 1) {
            components.add(Component.Text.muted("This email matches " + count + " platform accounts."));
        }
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                components.add(new Component.Divider());
            }
            components.addAll(account(accounts.get(i), view, names, count > 1, limit));
        }
        if (count > shown) {
            int hidden = count - shown;
            components.add(Component.Text.muted(hidden + (hidden == 1 ? " more account is" : " more accounts are")
                    + " not shown here; the contact's attributes list them all."));
        }
        components.add(view == PanelView.ALL
                ? Component.Button.submit(SHOW_SUMMARY, "Show less")
                : Component.Button.submit(SHOW_ALL, "Show all"));
        if (view == PanelView.ALL) {
            // The email matched, but perhaps not the right client: this contact can be linked to another by hand.
            components.add(Component.Button.submit(LinkCanvases.FIND, "Find client"));
        }
        components.add(Component.Button.submit(REFRESH, "Refresh"));
        components.add(Component.Text.muted("Updated " + profile.get(Attribute.USER_DATA_UPDATED_ON)));
        return new Canvas(components, Map.of(PanelView.STORED_KEY, view.stored()));
    }

    private List<Component> account(AccountValues account, PanelView view, AttributeNames names, boolean several,
            int limit) {
        List<Component> components = new ArrayList<>();
        String name = account.get(Attribute.NAME);
        components.add(Component.Text.header(EMPTY.equals(name) ? "Client " + account.clientId() : Texts.cut(name, limit)));
        components.add(Component.Text.muted(Texts.cut(statusLine(account), limit)));
        List<Component.Row> rows = new ArrayList<>();
        List<Attribute> fields = view == PanelView.ALL
                ? List.of(Attribute.values()).stream().filter(Attribute::perAccount).toList()
                : several ? SUMMARY_FIELDS_OF_SEVERAL : SUMMARY_FIELDS;
        for (Attribute field : fields) {
            rows.add(new Component.Row(names.of(field), Texts.cut(account.get(field), limit)));
        }
        components.add(new Component.DataTable(rows));
        String link = account.get(Attribute.CLIENT_PROFILE_LINK);
        if (!EMPTY.equals(link) && link.length() <= MAX_LINK_CHARS) {
            components.add(Component.Button.link("open-profile-" + account.clientId(),
                    several ? "Open profile " + account.clientId() : "Open platform profile", link));
        }
        return components;
    }

    private int contentBytes(Canvas canvas) {
        try {
            return json.writeValueAsBytes(canvas.body().content()).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a canvas could not be serialised", e);
        }
    }

    private static String statusLine(AccountValues account) {
        List<String> parts = new ArrayList<>();
        String status = account.get(Attribute.CLIENT_STATUS);
        if (!EMPTY.equals(status)) {
            parts.add(status);
        }
        parts.add("Client ID " + account.clientId());
        String org = account.get(Attribute.SUB_ORG);
        if (!EMPTY.equals(org)) {
            parts.add(org);
        }
        return String.join(" · ", parts);
    }

    private static Canvas notice(Component.Text text, boolean offerRefresh) {
        List<Component> components = new ArrayList<>(List.of(text));
        if (offerRefresh) {
            components.add(Component.Button.submit(REFRESH, "Refresh"));
        }
        return new Canvas(components, Map.of(PanelView.STORED_KEY, PanelView.SUMMARY.stored()));
    }
}
