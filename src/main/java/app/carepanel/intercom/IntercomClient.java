package app.carepanel.intercom;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import app.carepanel.base.PathSegments;
import app.carepanel.intercom.IntercomCalls.Target;
import app.carepanel.workspace.Workspace;
import io.quarkus.logging.Log;

/**
 * Intercom's REST API as the app uses it, for one workspace at a time: its region's host, its token, and its rate
 * limit ({@link IntercomCalls}). Failures are {@link IntercomException}s that say what to do next.
 */
@ApplicationScoped
public class IntercomClient {

    private static final Set<Integer> GONE_OR_MERGED = Set.of(404, 410);

    private final IntercomCalls calls;

    IntercomClient(IntercomCalls calls) {
        this.calls = calls;
    }

    /** {@code GET /contacts/{id}}: the contact, or that it is gone, or the contact it was merged into. */
    public ContactLookup getContact(Workspace workspace, String contactId) {
        String what = "contact lookup";
        String id = segment(contactId, what);
        try (Response response = calls.call(target(workspace), what, GONE_OR_MERGED, (rest, auth) -> rest.getContact(auth, id))) {
            return switch (response.getStatus()) {
                case 404 -> new ContactLookup.NotFound();
                case 410 -> new ContactLookup.Merged(IntercomCalls.canonicalId(response, what));
                default -> new ContactLookup.Found(IntercomCalls.read(response, IntercomContact.class, what));
            };
        }
    }

    /**
     * {@code PUT /contacts/{id}} with {@code {"custom_attributes": {...}}}. Values are strings, numbers, booleans
     * or null (which clears the attribute).
     */
    public ContactWrite updateCustomAttributes(Workspace workspace, String contactId, Map<String, Object> attributes) {
        String what = "contact update";
        String id = segment(contactId, what);
        ContactUpdate body = new ContactUpdate(attributes);
        try (Response response = calls.call(target(workspace), what, GONE_OR_MERGED,
                (rest, auth) -> rest.updateContact(auth, id, body))) {
            return switch (response.getStatus()) {
                case 404 -> new ContactWrite.NotFound();
                case 410 -> new ContactWrite.Merged(IntercomCalls.canonicalId(response, what));
                default -> new ContactWrite.Written();
            };
        }
    }

    /** {@code POST /contacts/search} on email, every page: all users and leads with that email. */
    public List<IntercomContact> findContactsByEmail(Workspace workspace, String email) {
        String what = "contact search";
        Target target = target(workspace);
        List<IntercomContact> found = new ArrayList<>();
        String cursor = null;
        do {
            ContactSearch.Request body = ContactSearch.byEmail(email, cursor);
            ContactSearch.Page page;
            try (Response response = calls.call(target, what, Set.of(), (rest, auth) -> rest.searchContacts(auth, body))) {
                page = IntercomCalls.read(response, ContactSearch.Page.class, what);
            }
            found.addAll(page.contacts());
            String next = page.nextCursor();
            // A cursor that does not move would page forever.
            cursor = next == null || next.isBlank() || next.equals(cursor) ? null : next;
        } while (cursor != null);
        return List.copyOf(found);
    }

    /**
     * {@code GET /contacts?per_page=...&starting_after=...}: one page of the workspace's contacts, users and leads,
     * from the start ({@code startingAfter} null) or from a cursor an earlier page gave.
     */
    public ContactPage listContacts(Workspace workspace, String startingAfter, int perPage) {
        String what = "contact listing";
        try (Response response = calls.call(target(workspace), what, Set.of(),
                (rest, auth) -> rest.listContacts(auth, perPage, startingAfter))) {
            return IntercomCalls.read(response, ContactList.class, what).toPage();
        }
    }

    /** {@code GET /data_attributes?model=contact}: the workspace's contact attributes, custom and standard. */
    public List<DataAttribute> listContactAttributes(Workspace workspace) {
        String what = "attribute listing";
        try (Response response = calls.call(target(workspace), what, Set.of(),
                (rest, auth) -> rest.listDataAttributes(auth, "contact"))) {
            return IntercomCalls.read(response, DataAttributes.Listing.class, what).items().stream()
                    .map(DataAttributes.Item::toDataAttribute).toList();
        }
    }

    /** {@code POST /data_attributes}: creates a custom contact attribute; {@link AttributeLimitReached} at the cap. */
    public DataAttribute createContactAttribute(Workspace workspace, String name, String dataType, String description) {
        String what = "attribute creation";
        DataAttributes.Creation body = new DataAttributes.Creation(name, "contact", dataType, description);
        // Intercom refuses a 251st custom attribute with a 400/422 whose error speaks of the limit.
        try (Response response = calls.call(target(workspace), what, Set.of(400, 422),
                (rest, auth) -> rest.createDataAttribute(auth, body))) {
            int status = response.getStatus();
            if (status == 400 || status == 422) {
                if (IntercomCalls.readErrors(response).mentionsLimit()) {
                    throw new AttributeLimitReached(
                            what + " answered HTTP " + status + ": the workspace is at its custom attribute limit");
                }
                throw new IntercomException.Rejected(what + " answered HTTP " + status, status);
            }
            return IntercomCalls.read(response, DataAttributes.Item.class, what).toDataAttribute();
        }
    }

    /** {@code DELETE /conversations/{id}/tags/{tagId}} with {@code {"admin_id": ...}}; a tag already gone is fine. */
    public void removeConversationTag(Workspace workspace, String conversationId, String tagId, String adminId) {
        String what = "tag removal";
        String conversation = segment(conversationId, what);
        String tag = segment(tagId, what);
        TagRemovalRequest body = new TagRemovalRequest(adminId);
        try (Response response = calls.call(target(workspace), what, Set.of(404),
                (rest, auth) -> rest.removeConversationTag(auth, conversation, tag, body))) {
            if (response.getStatus() == 404) {
                Log.debugf("Tag %s was already gone from conversation %s", tagId, conversationId);
            }
        }
    }

    /** {@code GET /me} on a host with a token: whom and which workspace the token belongs to. Not rate-limited. */
    public TokenOwner tokenOwner(URI host, String token) {
        String what = "token owner lookup";
        try (Response response = calls.call(new Target(null, host, token), what, Set.of(), (rest, auth) -> rest.me(auth))) {
            return IntercomCalls.read(response, TokenOwner.class, what);
        }
    }

    /** Revokes a token ({@code POST /auth/uninstall}): the app gives up its access to that workspace. */
    public void revokeToken(URI host, String token) {
        String what = "token revocation";
        calls.call(new Target(null, host, token), what, Set.of(), (rest, auth) -> rest.revokeToken(auth)).close();
    }

    /** The outcome of reading a contact. */
    public sealed interface ContactLookup {
        record Found(IntercomContact contact) implements ContactLookup {
        }

        record NotFound() implements ContactLookup {
        }

        record Merged(String canonicalId) implements ContactLookup {
        }
    }

    /** The outcome of writing a contact's attributes. */
    public sealed interface ContactWrite {
        record Written() implements ContactWrite {
        }

        record NotFound() implements ContactWrite {
        }

        record Merged(String canonicalId) implements ContactWrite {
        }
    }

    /** One of the workspace's data attributes: its name, {@code data_type} and whether it is a custom one. */
    public record DataAttribute(String name, String dataType, boolean custom) {
    }

    private static Target target(Workspace workspace) {
        String token = workspace.token().orElseThrow(() -> new IntercomException.TokenRefused(workspace.whyNoToken()));
        return new Target(workspace.id(), workspace.apiHost(), token);
    }

    /** The id as one path segment; an id that would name another path is refused before any call. */
    private static String segment(String id, String what) {
        if (!PathSegments.isSingle(id)) {
            throw new IntercomException.Rejected(what + " was given an id that is not a single path segment", 400);
        }
        return id;
    }
}
