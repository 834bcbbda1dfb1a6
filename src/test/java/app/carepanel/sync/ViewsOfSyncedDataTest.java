package app.carepanel.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import app.carepanel.support.NoSyncWorkers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A view asks for a run only when what it showed is not already on the contact: data newer than the last finished
 * run used, another email than that run had, or a contact whose sync failed. Another trigger's run, pending or
 * under way, does not change that.
 */
@QuarkusTest
@TestProfile(NoSyncWorkers.class)
class ViewsOfSyncedDataTest extends AppTest {

    private static final String CONTACT = "c-sami";
    private static final String EMAIL = "sami@example.com";

    @Inject
    SyncQueue queue;

    private final Instant fetched = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MICROS);

    private SyncRequest view(Instant shown) {
        return view(EMAIL, shown);
    }

    private SyncRequest view(String email, Instant shown) {
        return SyncRequest.of(workspace, CONTACT, SyncTrigger.VIEW).withEmail(email).showing(shown);
    }

    private SyncJob job() {
        return QuarkusTransaction.requiringNew().call(() ->
                SyncJob.<SyncJob>find("workspaceId = ?1 and contactId = ?2", workspace, CONTACT).singleResult());
    }

    private SyncJob claimOne() {
        List<SyncJob> claimed = queue.claim("test-worker", 1);
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    /** The contact was viewed and synced with the data fetched at {@code fetched}; a new message then came in. */
    @BeforeEach
    void syncedThenRunningForAMessage() {
        assertThat(queue.enqueue(view(fetched))).isTrue();
        queue.finish(claimOne(), new ContactSync.Result(SyncOutcome.WRITTEN, Map.of(), Optional.empty(),
                Optional.empty(), Optional.of(fetched)));
        assertThat(job().status).isEqualTo(SyncJob.Status.DONE);
        assertThat(queue.enqueue(SyncRequest.of(workspace, CONTACT, SyncTrigger.MESSAGE))).isTrue();
    }

    @Test
    void aViewOfDataAlreadyWrittenAsksNothingOfARunUnderWay() {
        claimOne();
        long version = job().version;

        queue.enqueue(view(fetched));

        SyncJob job = job();
        assertThat(job.rerun).as("asked to run again").isFalse();
        assertThat(job.version).as("the row untouched").isEqualTo(version);
    }

    @Test
    void aViewOfDataAlreadyWrittenLeavesARetryInBackoffAlone() {
        queue.retryLater(claimOne(), "Intercom answered 503");
        // The tests' backoff (100 ms) may pass before the view on a busy machine: the wait is made longer here.
        QuarkusTransaction.requiringNew().run(() -> SyncJob.update(
                "nextAttemptAt = ?1 where workspaceId = ?2 and contactId = ?3",
                Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.MICROS), workspace, CONTACT));
        SyncJob waiting = job();
        assertThat(waiting.status).isEqualTo(SyncJob.Status.PENDING);
        assertThat(waiting.attempts).as("a failed attempt counted").isEqualTo(1);
        assertThat(waiting.nextAttemptAt).isAfter(Instant.now());

        queue.enqueue(view(fetched));

        assertThat(job().nextAttemptAt).isEqualTo(waiting.nextAttemptAt);
    }

    @Test
    void aViewUnderAnEmailThatCameAfterTheLastRunAsksTheRunUnderWayToRunAgain() {
        queue.enqueue(SyncRequest.of(workspace, CONTACT, SyncTrigger.MESSAGE).withEmail("sami.r@example.com"));
        claimOne();

        queue.enqueue(view("sami.r@example.com", fetched));

        assertThat(job().rerun).isTrue();
    }

    @Test
    void aViewOfNewerDataAsksTheRunUnderWayToRunAgain() {
        claimOne();

        queue.enqueue(view(fetched.plusSeconds(1)));

        assertThat(job().rerun).isTrue();
    }

    @Test
    void aViewUnderAnotherEmailAsksTheRunUnderWayToRunAgain() {
        claimOne();

        queue.enqueue(view("sami.r@example.com", fetched));

        assertThat(job().rerun).isTrue();
    }

    @Test
    void aViewOfAContactWhoseSyncFailedQueuesItAgain() {
        queue.fail(claimOne(), "refused");
        assertThat(job().status).isEqualTo(SyncJob.Status.FAILED);

        assertThat(queue.enqueue(view(fetched))).isTrue();

        assertThat(job().status).isEqualTo(SyncJob.Status.PENDING);
    }
}
