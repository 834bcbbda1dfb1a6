package app.carepanel.sync;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The sync in numbers for {@code /q/metrics}: each attempt's result ({@code care_panel.sync.attempts}) and the
 * queue's depth by state ({@code care_panel.sync.jobs}). The depth is counted every 15 seconds, not at each scrape,
 * so that a scrape never waits on the database. Labels are states and results only, never an id.
 */
@ApplicationScoped
class SyncMetrics {

    private final MeterRegistry metrics;
    private final SyncJobs jobs;
    private final Clock clock;
    private final Map<String, AtomicLong> depth = new ConcurrentHashMap<>();

    SyncMetrics(MeterRegistry metrics, SyncJobs jobs, Clock clock) {
        this.metrics = metrics;
        this.jobs = jobs;
        this.clock = clock;
    }

    void register(@Observes StartupEvent started) {
        for (String state : new String[] { "pending", "running", "failed" }) {
            AtomicLong value = depth.computeIfAbsent(state, s -> new AtomicLong());
            Gauge.builder("care_panel.sync.jobs", value, AtomicLong::get).tag("state", state)
                    .description("Sync jobs by state, counted every 15 s").register(metrics);
        }
        countJobs();
    }

    @Scheduled(every = "15s", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void countJobs() {
        QuarkusTransaction.requiringNew().run(() -> {
            set("pending", jobs.countPending());
            set("running", jobs.countRunning(clock.instant()));
            set("failed", jobs.countFailed());
        });
    }

    /** A finished attempt: an outcome when it ended, else retried or postponed. */
    void ended(SyncOutcome outcome) {
        attempt(outcome.name().toLowerCase(Locale.ROOT));
    }

    void attempt(String result) {
        Counter.builder("care_panel.sync.attempts").tag("result", result)
                .description("Sync attempts by result: an outcome when the job ended, else retried or postponed")
                .register(metrics).increment();
    }

    private void set(String state, long value) {
        depth.computeIfAbsent(state, s -> new AtomicLong()).set(value);
    }
}
