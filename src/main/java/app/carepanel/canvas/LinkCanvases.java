package app.carepanel.canvas;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.carepanel.base.Texts;
import app.carepanel.link.ClientSearch;
import app.carepanel.link.ContactLinks;
import app.carepanel.platform.ClientSummary;

/**
 * The canvases of finding a client by hand and linking the contact to it: the search form, the matches (a Canvas Kit
 * list, each item a client to link), the confirmation, and the lines a linked contact's panel adds. Plain muted
 * sentences for every state that shows no client, as Intercom's guidance asks.
 */
final class LinkCanvases {

    static final String FIND = "find-client";
    static final String SEARCH = "search-clients";
    static final String QUERY = "client-query";
    static final String PICK = "pick-client-";
    static final String CONFIRM = "link-client-";
    static final String UNLINK = "unlink-client";
    /** Where the matches' names wait for the confirmation, in {@code stored_data}: {@code name-<client id>}. */
    static final String NAME_KEY = "name-";

    /** A value of a match longer than this is cut: a list item is one line in a narrow panel. */
    private static final int LONGEST_ITEM_TEXT = 100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private LinkCanvases() {
    }

    /** The search form, after an optional sentence (why the last search showed nothing, say). */
    static Canvas form(String sentence, String query) {
        List<Component> components = new ArrayList<>();
        if (sentence != null) {
            components.add(Component.Text.muted(sentence));
        }
        components.addAll(formComponents(query));
        return new Canvas(components, stored(Map.of()));
    }

    /** The search box again (to search anew), then the matches, each a list item that asks to link this contact to it. */
    static Canvas matches(List<ClientSummary> clients, String query) {
        // The search box first, then what it found: a new search is one Enter away, the matches just below.
        List<Component> components = new ArrayList<>(formComponents(query).subList(0, 2));
        components.add(Component.Text.muted((clients.size() == 1 ? "1 client matches. Choose it"
                : clients.size() + " clients match. Choose one") + " to link it to this conversation's contact; you "
                        + "confirm first." + (clients.size() >= ClientSearch.MOST_RESULTS ? " Only the best " + ClientSearch.MOST_RESULTS
                                + " are shown; search more precisely if the client is not among them." : "")));
        List<Component.Item> items = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (ClientSummary client : clients) {
            String name = client.name().isEmpty() ? "Client " + client.id() : Texts.cut(client.name(), LONGEST_ITEM_TEXT);
            names.put(NAME_KEY + client.id(), name);
            items.add(new Component.Item(PICK + client.id(), name, Texts.cut(details(client), LONGEST_ITEM_TEXT),
                    client.email() == null ? null : Texts.cut(masked(client.email()), LONGEST_ITEM_TEXT),
                    new Component.Action.Submit()));
        }
        components.add(new Component.ItemList(items));
        components.add(Component.Button.submit(CanvasRenderer.REFRESH, "Back"));
        return new Canvas(components, stored(names));
    }

    /** "Link this conversation's contact to Sami Ruhsuf, client 4719854?", Link, Cancel. */
    static Canvas confirm(long clientId, String name) {
        String who = name == null ? "client " + clientId : name + ", client " + clientId;
        return new Canvas(List.of(
                new Component.Text("Link this conversation's contact to " + who + "?", "paragraph"),
                Component.Text.muted("The panel and the contact's attributes will show this client until the link is "
                        + "taken off, whatever the contact's email."),
                Component.Button.submit(CONFIRM + clientId, "Link"),
                Component.Button.submit(CanvasRenderer.REFRESH, "Cancel")), stored(Map.of()));
    }

    /** A plain sentence and a way back to the panel. */
    static Canvas notice(String sentence) {
        return new Canvas(List.of(Component.Text.muted(sentence), Component.Button.submit(CanvasRenderer.REFRESH, "Back")),
                stored(Map.of()));
    }

    /** "Linked by hand to client N by <teammate> on <date>", muted, and Unlink. */
    static List<Component> linkedLines(ContactLinks.Link link) {
        String who = link.linkedByName() != null ? link.linkedByName()
                : link.linkedBy() != null ? "teammate " + link.linkedBy() : "a teammate";
        return List.of(Component.Text.muted("Linked by hand to client " + link.clientId() + " by " + who + " on "
                + day(link.linkedAt()) + "."), Component.Button.submit(UNLINK, "Unlink"));
    }

    /** {@code sami@example.com} as {@code s•••@example.com}: enough to tell two clients apart, not to read it. */
    static String masked(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "•••";
        }
        return email.substring(0, email.offsetByCodePoints(0, 1)) + "•••" + email.substring(at);
    }

    /** The canvas's components, with {@code before} first and {@code after} at the end; its stored data kept. */
    static Canvas around(Canvas canvas, List<Component> before, List<Component> after) {
        List<Component> components = new ArrayList<>(before);
        components.addAll(canvas.body().content().components());
        components.addAll(after);
        return new Canvas(components, canvas.body().storedData());
    }

    static String day(Instant at) {
        return DAY.format(at);
    }

    private static List<Component> formComponents(String query) {
        return List.of(
                new Component.Input(QUERY, "Find client", "Name, phone, client id or email", query),
                Component.Button.submit(SEARCH, "Search"),
                Component.Button.submit(CanvasRenderer.REFRESH, "Back"));
    }

    private static String details(ClientSummary client) {
        List<String> parts = new ArrayList<>();
        parts.add("Client " + client.id());
        if (client.status() != null && !client.status().isBlank()) {
            parts.add(client.status().substring(0, 1).toUpperCase(Locale.ROOT) + client.status().substring(1));
        }
        if (client.organization() != null && client.organization().name() != null
                && !client.organization().name().isBlank()) {
            parts.add(client.organization().name());
        }
        return String.join(" · ", parts);
    }

    private static Map<String, String> stored(Map<String, String> extra) {
        Map<String, String> stored = new LinkedHashMap<>();
        stored.put(PanelView.STORED_KEY, PanelView.SUMMARY.stored());
        stored.putAll(extra);
        return stored;
    }
}
