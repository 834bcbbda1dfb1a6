package app.carepanel.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import app.carepanel.intercom.RateLimiter;
import app.carepanel.support.InjectIntercomStub;
import app.carepanel.support.InjectPlatformStub;
import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomRateLimit;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.TestReset;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Not a test but a benchmark (tag {@code benchmark}, left out of {@code ./mvnw verify}; run it with
 * {@code ./mvnw -Pbenchmark test}, see the README): pushes {@code benchmark.contacts} queued contacts (default
 * 2000) through the real queue, workers and rate limiter, against an Intercom stub that limits like Intercom at
 * {@code benchmark.per-minute} calls per minute (default 600) while the app is configured for the same limit
 * with the default share of 0.8, and prints what it achieved: writes and calls per minute, 429s, and, in a second pass with unchanged values, the writes skipped.
 * It asserts only that every job ended and none failed, that the first pass wrote every contact and the second
 * none; no timing is asserted.
 */
@QuarkusTest
@Tag("benchmark")
@TestProfile(SyncThroughputBenchmark.RateLimited.class)
class SyncThroughputBenchmark {

    /** Intercom's limit per minute, on the stub and in the app's configuration ({@code benchmark.per-minute}). */
    static final int INTERCOM_PER_MINUTE = Integer.getInteger("benchmark.per-minute", 600);
    static final int WORKERS = 4;
    static final String WORKSPACE = "ws-bench";
    /** Every n-th contact has no platform account. */
    static final int WITHOUT_ACCOUNT_EVERY = 10;
    /** In the second half of the queue, every n-th contact gets extra triggers while it waits. */
    static final int DUPLICATED_EVERY = 5;
    static final int DUPLICATES_EACH = 3;

    /** Intercom limited by the stub, and the app told the same limit; only this class's stubs run. */
    public static class RateLimited implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("intercom.rate-limit.per-minute", String.valueOf(INTERCOM_PER_MINUTE),
                    "intercom.rate-limit.share", "0.8",
                    "sync.workers", String.valueOf(WORKERS),
                    // A run outlasts Quarkus's default 10 minutes without test activity, which dumps every stack.
                    "quarkus.test.hang-detection-timeout", "2H");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PlatformStub.class),
                    new TestResourceEntry(IntercomStub.class,
                            Map.of(IntercomStub.RATE_LIMIT_PER_MINUTE, String.valueOf(INTERCOM_PER_MINUTE))));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @InjectPlatformStub
    WireMockServer platform;

    @InjectIntercomStub
    WireMockServer intercom;

    @InjectIntercomStub
    IntercomRateLimit intercomLimit;

    @Inject
    SyncQueue queue;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    TestReset reset;


    @Test
    void pushesQueuedContactsThroughTheRateLimit() {
        int contacts = Integer.getInteger("benchmark.contacts", 2000);
        reset.all();
        reset.install(WORKSPACE);
        stubs();

        // Phase 1: every contact queued once, then a burst of duplicate triggers for some still waiting.
        Instant start = Instant.now();
        int triggers = 0, coalesced = 0;
        for (int i = 1; i <= contacts; i++) {
            queue.enqueue(SyncRequest.of(WORKSPACE, contactId(i), SyncTrigger.MESSAGE));
            triggers++;
        }
        int duplicated = 0;
        for (int i = contacts / 2 + 1; i <= contacts; i++) {
            if (i % DUPLICATED_EVERY == 0) {
                duplicated++;
                for (int d = 0; d < DUPLICATES_EACH; d++) {
                    triggers++;
                    if (!queue.enqueue(SyncRequest.of(WORKSPACE, contactId(i), SyncTrigger.MESSAGE))) {
                        coalesced++;
                    }
                }
            }
        }
        Instant queued = Instant.now();
        awaitEmptyQueue("phase 1", contacts, Duration.ofSeconds(120 + contacts));
        Phase first = measure(start, 0);
        Map<SyncOutcome, Long> firstOutcomes = outcomes();

        System.out.println();
        System.out.printf("=== Sync throughput: %d contacts, Intercom limited at %d/min (%d per 10 s window), "
                + "app at %d/min x share 0.8, %d workers ===%n", contacts, INTERCOM_PER_MINUTE,
                intercomLimit.perWindow(), INTERCOM_PER_MINUTE, WORKERS);
        row("contacts queued", contacts);
        row("triggers sent", triggers + "  (" + (triggers - contacts) + " duplicates for " + duplicated
                + " waiting contacts, " + coalesced + " coalesced into the pending job)");
        row("enqueueing took", seconds(Duration.between(start, queued)));
        first.print();
        row("job outcomes", firstOutcomes);

        // Phase 2: every contact again; nothing changed on the platform, so every write is skipped.
        intercom.resetRequests();
        platform.resetRequests();
        intercomLimit.resetCounts();
        long throttledBefore = appThrottled();
        Instant again = Instant.now();
        for (int i = 1; i <= contacts; i++) {
            queue.enqueue(SyncRequest.of(WORKSPACE, contactId(i), SyncTrigger.MESSAGE));
        }
        awaitEmptyQueue("phase 2", contacts, Duration.ofSeconds(120 + contacts));
        Phase second = measure(again, throttledBefore);
        Map<SyncOutcome, Long> secondOutcomes = outcomes();
        long skipped = count("lastOutcome = ?1 and finishedAt >= ?2", SyncOutcome.UNCHANGED, again);

        System.out.println();
        System.out.printf("=== Phase 2: every contact triggered again, values unchanged ===%n");
        row("triggers sent", contacts);
        row("writes skipped (UNCHANGED)", skipped);
        second.print();
        row("job outcomes", secondOutcomes);
        System.out.println();

        assertThat(count("status = ?1", SyncJob.Status.FAILED)).as("failed jobs").isZero();
        assertThat(count("status = ?1", SyncJob.Status.DONE)).as("jobs done").isEqualTo(contacts);
        assertThat(first.contactsWritten).as("contacts written in phase 1").isEqualTo(contacts);
        assertThat(second.writes).as("writes in phase 2").isZero();
        assertThat(skipped).as("writes skipped in phase 2").isEqualTo(contacts);
    }

    /**
     * Intercom: each {@code bench-<n>} contact exists with email {@code bench-<n>@clients.example}, every
     * attribute exists, writes succeed. Platform: one active client per email, 10 to 50 ms to answer, except every
     * {@value #WITHOUT_ACCOUNT_EVERY}th email, which has no account.
     */
    private void stubs() {
        intercom.resetAll();
        platform.resetAll();
        intercomLimit.resetCounts();
        intercom.stubFor(get(urlPathMatching("/contacts/bench-[0-9]+")).willReturn(IntercomFixtures.json(200,
                "{\"type\":\"contact\",\"id\":\"{{request.pathSegments.[1]}}\",\"role\":\"user\","
                        + "\"email\":\"{{request.pathSegments.[1]}}@clients.example\"}")
                .withTransformers("response-template")));
        IntercomFixtures.attributesExist(intercom, IntercomFixtures.ALL_ATTRIBUTES);
        IntercomFixtures.writesSucceed(intercom);

        platform.stubFor(get(urlPathEqualTo("/v1/clients")).atPriority(5).willReturn(PlatformFixtures.json("""
                {"clients": [{"id": {{regexExtract request.query.email '[0-9]+'}}, "firstName": "Bench",
                 "lastName": "Client {{regexExtract request.query.email '[0-9]+'}}", "email": "{{request.query.email}}",
                 "phone": "(416) 555-0123", "status": "active", "timeZone": "America/Toronto",
                 "createdAt": "2024-10-22T15:00:00Z", "organization": {"id": 7, "name": "Ruh Care Inc", "currency": "CAD"},
                 "group": "Active Therapy Clients", "tags": ["Therapy"],
                 "careTeam": [{"name": "Dr. Sarah Johnson", "primary": true}],
                 "invoices": [{"id": 1, "status": "unpaid", "amountDue": "100.00", "currency": "CAD"}],
                 "cardOnFile": true,
                 "appointments": [{"id": 11, "startsAt": "2025-12-15T19:00:00Z", "status": "occurred"},
                                  {"id": 13, "startsAt": "2099-12-22T19:00:00Z", "status": "scheduled"}],
                 "intakeFormsCompleted": true}]}
                """).withTransformers("response-template").withUniformRandomDelay(10, 50)));
        platform.stubFor(get(urlPathEqualTo("/v1/clients")).atPriority(1)
                .withQueryParam("email", matching("bench-[0-9]*0@clients\\.example"))
                .willReturn(PlatformFixtures.json(PlatformFixtures.clients()).withUniformRandomDelay(10, 50)));
    }

    private static String contactId(int i) {
        return "bench-" + i;
    }

    /** Waits until no job is pending or running, printing progress; the limit only keeps a stuck run from hanging. */
    private void awaitEmptyQueue(String phase, int contacts, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        Instant nextReport = Instant.now().plusSeconds(30);
        while (true) {
            long waiting = count("status in ?1", List.of(SyncJob.Status.PENDING, SyncJob.Status.RUNNING));
            if (waiting == 0) {
                return;
            }
            if (Instant.now().isAfter(nextReport)) {
                IntercomRateLimit.Counts limit = intercomLimit.counts();
                System.out.printf("[%s] %d of %d contacts waiting; Intercom stub: %d calls, %d answered 429%n",
                        phase, waiting, contacts, limit.requests(), limit.throttled());
                nextReport = nextReport.plusSeconds(30);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(phase + ": " + waiting + " jobs still waiting after " + atMost);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** What the stubs saw since {@code start}, up to the last job's end, and the 429s the app counted since. */
    private Phase measure(Instant start, long throttledBefore) {
        Instant end = QuarkusTransaction.requiringNew().call(() -> SyncJob.<SyncJob>listAll().stream()
                .map(job -> job.finishedAt).filter(at -> at != null).max(Instant::compareTo).orElse(start));
        List<ServeEvent> events = intercom.getAllServeEvents();
        Map<String, Long> byCall = new TreeMap<>();
        long writes = 0;
        Set<String> written = new HashSet<>();
        for (ServeEvent event : events) {
            String method = event.getRequest().getMethod().getName();
            String path = event.getRequest().getUrl().replaceAll("\\?.*", "").replaceAll("/contacts/bench-[0-9]+", "/contacts/{id}");
            int status = event.getResponse().getStatus();
            byCall.merge(method + " " + path + " -> " + status, 1L, Long::sum);
            if ("PUT".equals(method) && status == 200) {
                writes++;
                written.add(event.getRequest().getUrl());
            }
        }
        long platformCalls = platform.getAllServeEvents().size();
        return new Phase(Duration.between(start, end), writes, written.size(), events.size(), byCall, platformCalls,
                intercomLimit.counts(), appThrottled() - throttledBefore, budgetPerWindow());
    }

    private record Phase(Duration elapsed, long writes, int contactsWritten, long intercomCalls,
            Map<String, Long> byCall, long platformCalls, IntercomRateLimit.Counts limit, long appThrottled,
            int appBudget) {

        void print() {
            double minutes = elapsed.toMillis() / 60_000.0;
            row("writes (PUTs answered 200)", writes + "  (" + contactsWritten + " distinct contacts)");
            row("Intercom calls in all", intercomCalls);
            byCall.forEach((call, n) -> row("  " + call, n));
            row("elapsed", seconds(elapsed));
            row("achieved writes/min", String.format("%.1f", writes / minutes));
            row("achieved calls/min", String.format("%.1f", intercomCalls / minutes));
            row("429s seen (stub answered / app counted)", limit.throttled() + " / " + appThrottled);
            row("platform calls", platformCalls);
            row("per 10 s window", windows(limit, appBudget));
        }
    }

    /**
     * Calls admitted per window of the stub: the busiest, and over the full windows (the first and last are partly
     * outside the run) the least and the mean, against the app's own budget.
     */
    private static String windows(IntercomRateLimit.Counts limit, int appBudget) {
        List<Long> perWindow = new ArrayList<>(limit.admittedPerWindow().values());
        if (perWindow.size() <= 2) {
            return String.format("busiest %d (app budget %d, Intercom's %d), %d windows, none full", limit.busiestWindow(),
                    appBudget, (int) Math.ceil(INTERCOM_PER_MINUTE / 6.0), limit.windows());
        }
        List<Long> full = perWindow.subList(1, perWindow.size() - 1);
        double mean = full.stream().mapToLong(Long::longValue).average().orElse(0);
        long least = full.stream().mapToLong(Long::longValue).min().orElse(0);
        return String.format("busiest %d, full windows min %d / mean %.1f (app budget %d, Intercom's %d), %d windows",
                limit.busiestWindow(), least, mean, appBudget, (int) Math.ceil(INTERCOM_PER_MINUTE / 6.0), limit.windows());
    }

    private int budgetPerWindow() {
        return rateLimiter.statuses().stream().filter(s -> s.workspaceId().equals(WORKSPACE))
                .mapToInt(RateLimiter.Status::windowBudget).findFirst().orElse(-1);
    }

    private long appThrottled() {
        return rateLimiter.statuses().stream().filter(s -> s.workspaceId().equals(WORKSPACE))
                .mapToLong(RateLimiter.Status::throttledResponses).sum();
    }

    private static Map<SyncOutcome, Long> outcomes() {
        return QuarkusTransaction.requiringNew().call(() -> SyncJob.<SyncJob>listAll().stream()
                .filter(job -> job.lastOutcome != null)
                .collect(Collectors.groupingBy(job -> job.lastOutcome, () -> new EnumMap<>(SyncOutcome.class),
                        Collectors.counting())));
    }

    private static long count(String query, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> SyncJob.count(query, parameters));
    }

    private static void row(String label, Object value) {
        System.out.printf("  %-44s %s%n", label, value);
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
