package app.carepanel.link;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.carepanel.base.Texts;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The contacts linked by hand to platform clients, per workspace and contact; each call is its own transaction.
 * For the panel, each workspace's set of linked contact ids is held for 10 s ({@code linked-contacts} cache), so
 * that a view of a contact without a link reads nothing; a link made on another instance shows there within those
 * seconds, an unlink at once (a contact in the set is always read again).
 */
@ApplicationScoped
public class ContactLinks {

    /** A contact's link, as the panel and the sync read it. */
    public record Link(String workspaceId, String contactId, long clientId, String linkedBy, String linkedByName,
            java.time.Instant linkedAt) {

        static Link of(ContactLink row) {
            return new Link(row.workspaceId, row.contactId, row.clientId, row.linkedBy, row.linkedByName, row.linkedAt);
        }
    }

    private final Clock clock;
    private final Cache linkedContacts;

    ContactLinks(Clock clock, @CacheName("linked-contacts") Cache linkedContacts) {
        this.clock = clock;
        this.linkedContacts = linkedContacts;
    }

    /** The contact's link as the panel shows it: read only when the contact is among the workspace's linked ones. */
    public Optional<Link> forView(String workspaceId, String contactId) {
        if (workspaceId == null || contactId == null) {
            return Optional.empty();
        }
        Set<String> linked = linkedContacts.get(workspaceId, id -> QuarkusTransaction.requiringNew().call(() ->
                Set.copyOf(ContactLink.getEntityManager()
                        .createQuery("select contactId from ContactLink where workspaceId = ?1", String.class)
                        .setParameter(1, id).getResultList()))).await().indefinitely();
        return linked.contains(contactId) ? of(workspaceId, contactId) : Optional.empty();
    }

    public Optional<Link> of(String workspaceId, String contactId) {
        if (workspaceId == null || contactId == null) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> row(workspaceId, contactId).map(Link::of));
    }

    /** Links the contact to the client (replacing an earlier link), as the teammate. */
    public Link link(String workspaceId, String contactId, long clientId, String adminId, String adminName) {
        Link link = QuarkusTransaction.requiringNew().call(() -> {
            ContactLink row = row(workspaceId, contactId).orElseGet(ContactLink::new);
            row.workspaceId = workspaceId;
            row.contactId = contactId;
            row.clientId = clientId;
            row.linkedBy = adminId;
            row.linkedByName = adminName == null || adminName.isBlank() ? null : Texts.cut(adminName.strip(), 100);
            row.linkedAt = clock.instant();
            row.persistAndFlush();
            return Link.of(row);
        });
        forget(workspaceId);
        return link;
    }

    private void forget(String workspaceId) {
        linkedContacts.invalidate(workspaceId).await().indefinitely();
    }

    /** True when the contact had a link, now gone. */
    public boolean unlink(String workspaceId, String contactId) {
        boolean had = QuarkusTransaction.requiringNew().call(() ->
                ContactLink.delete("workspaceId = ?1 and contactId = ?2", workspaceId, contactId) > 0);
        forget(workspaceId);
        return had;
    }

    /** The contacts of the workspace linked to the client, at most {@code limit}. */
    public List<String> contactsOf(String workspaceId, long clientId, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> ContactLink
                .<ContactLink>find("workspaceId = ?1 and clientId = ?2 order by id", workspaceId, clientId)
                .page(0, limit).list().stream().map(row -> row.contactId).toList());
    }

    /** Forgets every link of the workspace (it uninstalled the app); the count deleted. Joins the caller's transaction. */
    @Transactional
    public long deleteWorkspace(String workspaceId) {
        forget(workspaceId);
        return ContactLink.delete("workspaceId", workspaceId);
    }

    private static Optional<ContactLink> row(String workspaceId, String contactId) {
        return ContactLink.find("workspaceId = ?1 and contactId = ?2", workspaceId, contactId).firstResultOptional();
    }
}
