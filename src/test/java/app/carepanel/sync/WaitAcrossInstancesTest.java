package app.carepanel.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import app.carepanel.support.IntercomStub;
import app.carepanel.support.NoSyncWorkers;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.AppTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * {@code ?wait=true} answered by an instance whose workers did not write the contact (another instance did): the
 * status comes back, and an older result this instance still remembers is not passed off as the new write.
 */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
@TestProfile(NoSyncWorkers.class)
class WaitAcrossInstancesTest extends AppTest {

    @Inject
    SyncQueue queue;

    @Inject
    SyncResults results;

    @Inject
    SyncJobs jobs;

    @Test
    void answersTheStatusWithoutAnOlderRememberedWrite() throws Exception {
        reset.all();
        reset.install("ws-wait");
        // An earlier caller's wait kept this instance's older result.
        results.awaited("ws-wait", "c-wait");
        results.record("ws-wait", "c-wait", new ContactSync.Result(SyncOutcome.WRITTEN, Map.of("Name", "an older value"), Optional.empty(), Optional.empty()));

        CompletableFuture<JsonPath> answer = CompletableFuture.supplyAsync(() -> given()
                .header("Authorization", "Bearer test-sync-token").queryParam("workspace_id", "ws-wait")
                .queryParam("wait", true).post("/sync/contacts/c-wait")
                .then().statusCode(200).extract().jsonPath());
        // Another instance claims the queued contact and writes it.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> jobs.of("ws-wait", "c-wait").isPresent()));
        // Only this test's contact: another test's panel view may have queued one a moment after it ended.
        List<SyncJob> claimed = queue.claim("other-instance", 100).stream()
                .filter(job -> job.workspaceId.equals("ws-wait")).toList();
        assertThat(claimed).singleElement().satisfies(job -> assertThat(job.contactId).isEqualTo("c-wait"));
        queue.finish(claimed.get(0), ContactSync.Result.of(SyncOutcome.WRITTEN));

        JsonPath body = answer.get(15, TimeUnit.SECONDS);
        results.waited("ws-wait", "c-wait");
        assertThat(body.getString("status")).isEqualTo("written");
        assertThat(body.getMap("$")).doesNotContainKey("attributes");
    }
}
