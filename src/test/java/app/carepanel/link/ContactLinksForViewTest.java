package app.carepanel.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The panel's view of links: a change made here shows at once, an unlink anywhere at once, a link elsewhere soon. */
@QuarkusTest
class ContactLinksForViewTest extends AppTest {

    @Inject
    ContactLinks links;

    /** A link stored by another instance: this one is not told. */
    private void linkedElsewhere(String contactId, long clientId) {
        QuarkusTransaction.requiringNew().run(() -> {
            ContactLink row = new ContactLink();
            row.workspaceId = workspace;
            row.contactId = contactId;
            row.clientId = clientId;
            row.linkedAt = Instant.now();
            row.persist();
        });
    }

    @Test
    void showsALinkMadeHereAtOnceAndOneMadeOnAnotherInstanceWithinTenSeconds() {
        assertThat(links.forView(workspace, "c-1")).isEmpty();

        links.link(workspace, "c-1", 4719854L, "admin-1", "Ana");
        assertThat(links.forView(workspace, "c-1")).map(ContactLinks.Link::clientId).contains(4719854L);

        linkedElsewhere("c-2", 6100007L);
        await().atMost(Duration.ofSeconds(20)).until(() -> links.forView(workspace, "c-2").isPresent());
    }

    @Test
    void showsAnUnlinkMadeHereOrOnAnotherInstanceAtOnce() {
        links.link(workspace, "c-1", 4719854L, "admin-1", "Ana");
        links.link(workspace, "c-2", 6100007L, "admin-1", "Ana");
        assertThat(links.forView(workspace, "c-1")).isPresent();

        links.unlink(workspace, "c-1");
        assertThat(links.forView(workspace, "c-1")).isEmpty();

        QuarkusTransaction.requiringNew().run(() -> ContactLink.delete("workspaceId = ?1 and contactId = ?2",
                workspace, "c-2"));
        assertThat(links.forView(workspace, "c-2")).isEmpty();
    }
}
