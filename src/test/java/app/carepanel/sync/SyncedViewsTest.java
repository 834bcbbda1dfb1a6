package app.carepanel.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import io.quarkus.test.junit.QuarkusTest;

/** Only a repeat of a view whose data and email the queue found synced is answered without asking the queue. */
@QuarkusTest
class SyncedViewsTest extends AppTest {

    @Inject
    SyncedViews synced;

    private SyncRequest view(String contactId, String email, Instant dataAsOf) {
        return SyncRequest.of(workspace, contactId, SyncTrigger.VIEW).withEmail(email).showing(dataAsOf);
    }

    @Test
    void holdsOnlyTheSameDataUnderTheSameEmailForTheSameContact() {
        Instant fetched = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(synced.hold(view("c-1", "sami@example.com", fetched))).isFalse();

        synced.remember(view("c-1", "sami@example.com", fetched));

        assertThat(synced.hold(view("c-1", "sami@example.com", fetched))).isTrue();
        assertThat(synced.hold(view("c-1", "sami@example.com", fetched.plusSeconds(60)))).as("newer data").isFalse();
        assertThat(synced.hold(view("c-1", "sami.r@example.com", fetched))).as("another email").isFalse();
        assertThat(synced.hold(view("c-2", "sami@example.com", fetched))).as("another contact").isFalse();
        assertThat(synced.hold(view("c-1", "sami@example.com", null))).as("no data shown").isFalse();
    }

    @Test
    void forgetsAWorkspacesViewsWhenItsJobsAreDeleted() {
        Instant fetched = Instant.parse("2026-12-01T10:00:00Z");
        synced.remember(view("c-1", "sami@example.com", fetched));
        SyncRequest elsewhere = SyncRequest.of(workspace + "-other", "c-1", SyncTrigger.VIEW)
                .withEmail("sami@example.com").showing(fetched);
        synced.remember(elsewhere);

        synced.forgetWorkspace(workspace);

        assertThat(synced.hold(view("c-1", "sami@example.com", fetched))).isFalse();
        assertThat(synced.hold(elsewhere)).as("another workspace's").isTrue();
    }
}
