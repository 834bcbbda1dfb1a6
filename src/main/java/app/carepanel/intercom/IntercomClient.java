package app.carepanel.intercom;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;

import app.carepanel.base.Causes;
import app.carepanel.workspace.Workspace;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * Intercom's REST API as the sync sees it, for one workspace at a time: the host by the workspace's region
 * (or {@code INTERCOM_API_URL}), the workspace's bearer token, {@code Intercom-Version: 2.16}, and every call
 * through the workspace's {@link RateLimiter}. Failures are {@link IntercomException}s that say what to do next.
 */
@ApplicationScoped
public class IntercomClient {

    /** How long a 429 pauses the workspace when Intercom says neither when its window resets nor when to retry. */
    static final long DEFAULT_PAUSE_SECONDS = 10;
    private static final Set<Integer> GONE_OR_MERGED = Set.of(404, 410);
    private static final String NO_TOKEN = "no access token configured (INTERCOM_ACCESS_TOKEN)";

    private final IntercomConfig config;
    private final IntercomTokens tokens;
    private final RateLimiter rateLimiter;
    private final Map<URI, IntercomRestClient> clients = new ConcurrentHashMap<>();
    private volatile Workspace tokenWorkspace;

    IntercomClient(IntercomConfig config, IntercomTokens tokens, RateLimiter rateLimiter) {
        this.config = config;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
    }

    /** {@code GET /contacts/{id}}: the contact, or that it is gone, or the contact it was merged into. */
    public ContactLookup getContact(Workspace workspace, String contactId) {
        String what = "contact lookup";
        try (Response response = call(target(workspace), what, GONE_OR_MERGED,
                (rest, auth) -> rest.getContact(auth, contactId))) {
            return switch (response.getStatus()) {
                case 404 -> new ContactLookup.NotFound();
                case 410 -> new ContactLookup.Merged(canonicalId(response, what));
                default -> new ContactLookup.Found(read(response, IntercomContact.class, what));
            };
        }
    }

    /**
     * {@code PUT /contacts/{id}} with {@code {"custom_attributes": {...}}}. Values are strings, numbers, booleans
     * or null (which clears the attribute).
     */
    public ContactWrite updateCustomAttributes(Workspace workspace, String contactId, Map<String, Object> attributes) {
        String what = "contact update";
        ContactUpdate body = new ContactUpdate(attributes);
        try (Response response = call(target(workspace), what, GONE_OR_MERGED,
                (rest, auth) -> rest.updateContact(auth, contactId, body))) {
            return switch (response.getStatus()) {
                case 404 -> new ContactWrite.NotFound();
                case 410 -> new ContactWrite.Merged(canonicalId(response, what));
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
            try (Response response = call(target, what, Set.of(), (rest, auth) -> rest.searchContacts(auth, body))) {
                page = read(response, ContactSearch.Page.class, what);
            }
            found.addAll(page.contacts());
            String next = page.nextCursor();
            // A cursor that does not move would page forever.
            cursor = next == null || next.isBlank() || next.equals(cursor) ? null : next;
        } while (cursor != null);
        return List.copyOf(found);
    }

    /** {@code GET /data_attributes?model=contact}: the workspace's contact attributes, custom and standard. */
    public List<DataAttribute> listContactAttributes(Workspace workspace) {
        String what = "attribute listing";
        try (Response response = call(target(workspace), what, Set.of(),
                (rest, auth) -> rest.listDataAttributes(auth, "contact"))) {
            return read(response, DataAttributes.Listing.class, what).items().stream()
                    .map(DataAttributes.Item::toDataAttribute).toList();
        }
    }

    /** {@code POST /data_attributes}: creates a custom contact attribute; {@link AttributeLimitReached} at the cap. */
    public DataAttribute createContactAttribute(Workspace workspace, String name, String dataType, String description) {
        String what = "attribute creation";
        DataAttributes.Creation body = new DataAttributes.Creation(name, "contact", dataType, description);
        // Intercom refuses a 251st custom attribute with a 400/422 whose error speaks of the limit.
        try (Response response = call(target(workspace), what, Set.of(400, 422),
                (rest, auth) -> rest.createDataAttribute(auth, body))) {
            int status = response.getStatus();
            if (status == 400 || status == 422) {
                if (readErrors(response).mentionsLimit()) {
                    throw new AttributeLimitReached(
                            what + " answered HTTP " + status + ": the workspace is at its custom attribute limit");
                }
                throw new IntercomException.Rejected(what + " answered HTTP " + status, status);
            }
            return read(response, DataAttributes.Item.class, what).toDataAttribute();
        }
    }

    /** {@code DELETE /conversations/{id}/tags/{tagId}} with {@code {"admin_id": ...}}; a tag already gone is fine. */
    public void removeConversationTag(Workspace workspace, String conversationId, String tagId, String adminId) {
        TagRemovalRequest body = new TagRemovalRequest(adminId);
        try (Response response = call(target(workspace), "tag removal", Set.of(404),
                (rest, auth) -> rest.removeConversationTag(auth, conversationId, tagId, body))) {
            if (response.getStatus() == 404) {
                Log.debugf("Tag %s was already gone from conversation %s", tagId, conversationId);
            }
        }
    }

    /**
     * {@code GET /me} with {@code INTERCOM_ACCESS_TOKEN}: the workspace the token belongs to, and its region. A
     * token is only accepted by its own region's host, so without {@code INTERCOM_API_URL} the hosts are tried
     * in turn (US, EU, AU) until one accepts it. Asked until answered; the answer is kept. Not rate-limited, as
     * the workspace is what it finds out.
     */
    public Workspace workspaceOfToken() {
        Workspace known = tokenWorkspace;
        if (known != null) {
            return known;
        }
        String what = "token owner lookup";
        String token = config.accessToken().map(String::trim).filter(t -> !t.isEmpty())
                .orElseThrow(() -> new IntercomException.TokenRefused(NO_TOKEN));
        List<String> regions = IntercomHosts.override(config.apiUrl()).isPresent() ? List.of("us") : IntercomHosts.REGIONS;
        IntercomException.TokenRefused refused = null;
        for (String region : regions) {
            Target target = new Target(null, IntercomHosts.baseUri(config.apiUrl(), region, config.regionHosts()), token);
            try (Response response = call(target, what, Set.of(), (rest, auth) -> rest.me(auth))) {
                TokenOwner owner = read(response, TokenOwner.class, what);
                if (owner.app() == null || owner.app().idCode() == null || owner.app().idCode().isBlank()) {
                    throw new IntercomException.Unavailable(what + " answered no workspace id");
                }
                String ownRegion = owner.app().region() == null || owner.app().region().isBlank() ? region : owner.app().region();
                tokenWorkspace = new Workspace(owner.app().idCode(), ownRegion);
                return tokenWorkspace;
            } catch (IntercomException.TokenRefused e) {
                refused = e;
            }
        }
        Log.warn("Intercom refused the access token on every region's host");
        throw refused;
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

    /** Where a call goes and with which token; {@code workspaceId} is null only while finding it out. */
    private record Target(String workspaceId, URI baseUri, String token) {
    }

    private Target target(Workspace workspace) {
        String token = tokens.tokenFor(workspace)
                .orElseThrow(() -> new IntercomException.TokenRefused(NO_TOKEN));
        return new Target(workspace.id(), IntercomHosts.baseUri(config.apiUrl(), workspace.region(), config.regionHosts()), token);
    }

    /**
     * Sends one request within the workspace's rate limit and tells the limiter what Intercom answered. Returns
     * the response when it is a 2xx or one of the statuses the caller handles; throws for every other status.
     */
    private Response call(Target target, String what, Set<Integer> handled,
            BiFunction<IntercomRestClient, String, Response> request) {
        if (target.workspaceId() != null) {
            rateLimiter.acquire(target.workspaceId());
        }
        Response response;
        try {
            response = request.apply(restClient(target.baseUri()), "Bearer " + target.token());
        } catch (ProcessingException e) {
            throw new IntercomException.Unavailable(what + " failed: " + Causes.rootName(e));
        }
        RateLimitHeaders headers = RateLimitHeaders.of(response);
        if (target.workspaceId() != null) {
            rateLimiter.observe(target.workspaceId(), headers.limit(), headers.remaining(), headers.reset());
        }
        int status = response.getStatus();
        if (response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL || handled.contains(status)) {
            return response;
        }
        response.close();
        throw failure(target, what, status, headers);
    }

    private IntercomException failure(Target target, String what, int status, RateLimitHeaders headers) {
        String message = what + " answered HTTP " + status;
        if (status == 401) {
            if (target.workspaceId() != null) {
                tokens.markRefused(target.workspaceId(), target.token());
                Log.warnf("Intercom refused the access token (workspace %s)", target.workspaceId());
            } else {
                Log.debugf("%s: %s refused the access token", what, target.baseUri());
            }
            return new IntercomException.TokenRefused(message);
        }
        if (status == 429) {
            Instant resetAt = headers.pauseUntil(Instant.now(), DEFAULT_PAUSE_SECONDS);
            if (target.workspaceId() != null) {
                rateLimiter.throttled(target.workspaceId(), resetAt);
            }
            Log.infof("Intercom rate-limited workspace %s until %s", target.workspaceId(), resetAt);
            return new IntercomException.RateLimited(message, resetAt);
        }
        if (status >= 500) {
            return new IntercomException.Unavailable(message);
        }
        return new IntercomException.Rejected(message, status);
    }

    private IntercomRestClient restClient(URI baseUri) {
        return clients.computeIfAbsent(baseUri, uri -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(uri)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Statuses are read from the Response here; the default mapper would turn each 4xx/5xx into an exception.
                .disableDefaultMapper(true)
                .build(IntercomRestClient.class));
    }

    @PreDestroy
    void close() {
        clients.values().forEach(client -> {
            try {
                client.close();
            } catch (IOException e) {
                Log.debugf("Closing an Intercom REST client failed: %s", e.getClass().getSimpleName());
            }
        });
    }

    /** The contact id in {@code Link: </contacts/{id}>; rel="canonical"} (the target may also be an absolute URL). */
    private static String canonicalId(Response response, String what) {
        Link link;
        try {
            link = response.getLink("canonical");
        } catch (IllegalArgumentException unreadable) {
            link = null;
        }
        String path = link == null || link.getUri() == null ? null : link.getUri().getPath();
        int at = path == null ? -1 : path.lastIndexOf("/contacts/");
        String id = at < 0 ? "" : path.substring(at + "/contacts/".length());
        if (id.isBlank() || id.contains("/")) {
            throw new IntercomException.Rejected(what + " answered HTTP 410 without a canonical contact link", 410);
        }
        return id;
    }

    private static <T> T read(Response response, Class<T> type, String what) {
        T body;
        try {
            body = response.readEntity(type);
        } catch (ProcessingException | WebApplicationException unreadable) {
            // The client reports JSON it cannot map as a WebApplicationException carrying the (successful) status.
            throw new IntercomException.Unavailable(what + " answered unreadable JSON");
        }
        if (body == null) {
            throw new IntercomException.Unavailable(what + " answered no body");
        }
        return body;
    }

    private static ErrorList readErrors(Response response) {
        try {
            ErrorList errors = response.readEntity(ErrorList.class);
            return errors == null ? new ErrorList(List.of()) : errors;
        } catch (ProcessingException | WebApplicationException unreadable) {
            return new ErrorList(List.of());
        }
    }

}
