package app.carepanel.canvas;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.audit.AccessAudit;
import app.carepanel.intercom.IntercomContact;
import app.carepanel.link.ClientSearch;
import app.carepanel.link.ContactLinks;
import app.carepanel.platform.ClientSummary;

/**
 * Finding a client by hand and linking the contact to it, one submit at a time: Find client (the form), Search (the
 * matches), a match chosen (the confirmation), Link (the link made, then the client's panel), Unlink (the panel by
 * email again). Who may do it was decided before (the same rule as seeing client data); each step is one audit row.
 */
@ApplicationScoped
class ClientLinkFlow {

    private final ClientSearch search;
    private final ContactLinks links;
    private final LinkedPanel linkedPanel;
    private final EmailPanel emailPanel;

    ClientLinkFlow(ClientSearch search, ContactLinks links, LinkedPanel linkedPanel, EmailPanel emailPanel) {
        this.search = search;
        this.links = links;
        this.linkedPanel = linkedPanel;
        this.emailPanel = emailPanel;
    }

    static boolean handles(String componentId) {
        return LinkCanvases.FIND.equals(componentId) || LinkCanvases.SEARCH.equals(componentId)
                || LinkCanvases.UNLINK.equals(componentId) || clientIdAfter(componentId, LinkCanvases.PICK).isPresent()
                || clientIdAfter(componentId, LinkCanvases.CONFIRM).isPresent();
    }

    static AccessAudit.Action action(String componentId) {
        if (LinkCanvases.UNLINK.equals(componentId)) {
            return AccessAudit.Action.UNLINK;
        }
        return LinkCanvases.FIND.equals(componentId) || LinkCanvases.SEARCH.equals(componentId)
                ? AccessAudit.Action.SEARCH : AccessAudit.Action.LINK;
    }

    PanelAnswer answer(CanvasRequest request, IntercomContact contact, boolean preview) {
        String component = request.componentId();
        if (LinkCanvases.FIND.equals(component)) {
            return PanelAnswer.of(LinkCanvases.form(null, null), "form");
        }
        if (LinkCanvases.SEARCH.equals(component)) {
            return searched(request);
        }
        if (LinkCanvases.UNLINK.equals(component)) {
            return unlinked(request, contact, preview);
        }
        Optional<Long> picked = clientIdAfter(component, LinkCanvases.PICK);
        if (picked.isPresent()) {
            long id = picked.get();
            return new PanelAnswer(LinkCanvases.confirm(id, request.stored(LinkCanvases.NAME_KEY + id).orElse(null)),
                    "asked", List.of(id));
        }
        return linked(request, contact, clientIdAfter(component, LinkCanvases.CONFIRM).orElseThrow(), preview);
    }

    private PanelAnswer searched(CanvasRequest request) {
        String query = request.input(LinkCanvases.QUERY).orElse("");
        ClientSearch.Outcome outcome = search.search(request.workspaceId(), query);
        // The query goes back into the form so that it can be corrected, never into the audit trail or the log.
        String shown = ClientSearch.problemOf(query) == null ? query.strip() : null;
        if (outcome instanceof ClientSearch.Invalid invalid) {
            return PanelAnswer.of(LinkCanvases.form(invalid.reason(), shown), "invalid query");
        }
        if (outcome instanceof ClientSearch.Throttled) {
            return PanelAnswer.of(LinkCanvases.form("The platform is getting too many searches just now. Wait a few "
                    + "seconds, then search again.", shown), "throttled");
        }
        if (outcome instanceof ClientSearch.Failed) {
            return PanelAnswer.of(LinkCanvases.form("The platform did not answer the search. Try again in a moment.",
                    shown), "failed search");
        }
        List<ClientSummary> clients = ((ClientSearch.Found) outcome).clients();
        if (clients.isEmpty()) {
            return PanelAnswer.of(LinkCanvases.form("No client matches that search. Try part of the name, the phone "
                    + "number, the client id or the email the platform has.", shown), "no match");
        }
        return new PanelAnswer(LinkCanvases.matches(clients, shown), "found",
                clients.stream().map(ClientSummary::id).toList());
    }

    private PanelAnswer linked(CanvasRequest request, IntercomContact contact, long clientId, boolean preview) {
        if (contact.id() == null) {
            return PanelAnswer.of(LinkCanvases.notice("This contact has no Intercom id here, so it cannot be linked. "
                    + "Give the contact's id to link it."), "no contact id");
        }
        ContactLinks.Link link = links.link(request.workspaceId(), contact.id(), clientId, request.adminId(),
                request.adminName());
        PanelAnswer panel = linkedPanel.answer(request, contact, link, PanelView.SUMMARY, true);
        return new PanelAnswer(panel.canvas(), "linked", List.of(clientId));
    }

    private PanelAnswer unlinked(CanvasRequest request, IntercomContact contact, boolean preview) {
        Optional<ContactLinks.Link> was = links.of(request.workspaceId(), contact.id());
        if (was.isEmpty() || !links.unlink(request.workspaceId(), contact.id())) {
            PanelAnswer panel = emailPanel.answer(request, contact, PanelView.SUMMARY, false, preview);
            return new PanelAnswer(panel.canvas(), "not linked", panel.clientIds());
        }
        // The sync writes the contact by its email again (No and "-" when nothing matches).
        PanelAnswer panel = emailPanel.answer(request, contact, PanelView.SUMMARY, true, preview);
        List<Long> shown = new java.util.ArrayList<>(List.of(was.get().clientId()));
        panel.clientIds().stream().filter(id -> !shown.contains(id)).forEach(shown::add);
        return new PanelAnswer(panel.canvas(), "unlinked", shown);
    }

    private static Optional<Long> clientIdAfter(String componentId, String prefix) {
        if (componentId == null || !componentId.startsWith(prefix)) {
            return Optional.empty();
        }
        String digits = componentId.substring(prefix.length());
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}
