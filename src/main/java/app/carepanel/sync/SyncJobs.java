package app.carepanel.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * Every query on {@link SyncJob}. Due and lapsed jobs are found through the indexes on {@code (status,
 * next_attempt_at)} and {@code (status, lease_until)}, so that a claim costs the same however many contacts were
 * ever synced. Callers bring the transaction.
 */
@ApplicationScoped
public class SyncJobs implements PanacheRepository<SyncJob> {

    /**
     * The states a job whose last attempt failed can be in: a finished sync clears the error ({@link SyncJob#finish}),
     * so done jobs, the bulk of the table, are not read.
     */
    private static final List<SyncJob.Status> MAY_HAVE_FAILED = List.of(SyncJob.Status.PENDING, SyncJob.Status.RUNNING,
            SyncJob.Status.FAILED);

    private final EntityManager entities;

    SyncJobs(EntityManager entities) {
        this.entities = entities;
    }

    public Optional<SyncJob> of(String workspaceId, String contactId) {
        return find("workspaceId = ?1 and contactId = ?2", workspaceId, contactId).firstResultOptional();
    }

    /** The job, locked for a change, or empty when it is gone. */
    Optional<SyncJob> locked(long id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Locks the row and reads it afresh, so that a worker finishing it meanwhile makes the caller wait, not fail. */
    void lock(SyncJob job) {
        entities.refresh(job, LockModeType.PESSIMISTIC_WRITE);
    }

    /** How many of the oldest due rows a claim picks from, so that workers claiming at once spread over them. */
    static final int CANDIDATES = 32;

    /** Up to {@code limit} pending jobs that are due, locked; rows other instances hold are skipped. */
    List<SyncJob> due(Instant now, int limit) {
        return lockSome("""
                select id from sync_job
                where status = 'PENDING' and next_attempt_at <= :now
                order by status, next_attempt_at
                limit :candidates""", "status = 'PENDING' and next_attempt_at <= :now", now, limit);
    }

    /** Up to {@code limit} running jobs whose lease lapsed (their instance died), locked. */
    List<SyncJob> lapsed(Instant now, int limit) {
        return lockSome("""
                select id from sync_job
                where status = 'RUNNING' and lease_until < :now
                order by status, lease_until
                limit :candidates""", "status = 'RUNNING' and lease_until < :now", now, limit);
    }

    /**
     * The candidate queries order by the whole index, status first although it is fixed: ordered by the time alone,
     * H2 reads every matching row and sorts them (scanCount 5,001 for 32 ids with 5,000 due; 22.9 % of a drain's
     * samples under JFR), where by the index it reads 32.
     *
     * Reads the ids of the first {@link #CANDIDATES} rows through the index, without locks, then locks as many of
     * them as are still wanted, picked at random, in one statement by id, skipping those another worker holds, and
     * again with the next ones until {@code limit} are held or none is left. One statement with
     * {@code for update skip locked} and a limit would do on PostgreSQL, but H2 locks every row the query matches
     * before the limit applies: a claim then cost a lock on every due row (41 % of the samples of a 4,000-row drain
     * under JFR) and the other workers, finding all of them locked, claimed nothing.
     *
     * The caller's pending changes are flushed once, first (a job they made due may be claimed); the queries then
     * skip Hibernate's check of every entity in the session before each of them, which was 30 % of a claim's samples
     * in a batch of 64 changes and claims (cold views at 64 connections under JFR), as was one lock query per row.
     */
    private List<SyncJob> lockSome(String candidatesSql, String stillTrue, Instant now, int limit) {
        entities.flush();
        @SuppressWarnings("unchecked")
        List<Number> found = entities.createNativeQuery(candidatesSql).setParameter("now", now)
                .setParameter("candidates", Math.max(CANDIDATES, limit)).setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        List<Long> candidates = found.stream().map(Number::longValue).collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(candidates);
        List<SyncJob> held = new ArrayList<>();
        int next = 0;
        while (held.size() < limit && next < candidates.size()) {
            List<Long> ids = candidates.subList(next, Math.min(candidates.size(), next + limit - held.size()));
            next += ids.size();
            @SuppressWarnings("unchecked")
            List<SyncJob> rows = entities.createNativeQuery(
                    "select * from sync_job where id in (:ids) and " + stillTrue + " for update skip locked",
                    SyncJob.class).setParameter("ids", ids).setParameter("now", now)
                    .setFlushMode(FlushModeType.COMMIT).getResultList();
            held.addAll(rows);
        }
        return held;
    }

    /**
     * Renews the leases of these running jobs. Rows a trigger holds right now are skipped rather than waited for
     * (waiting, in another order than the trigger's, could deadlock); they are renewed at the next round.
     */
    void extendLeases(Collection<Long> ids, Instant until) {
        @SuppressWarnings("unchecked")
        List<Number> free = entities.createNativeQuery("""
                select id from sync_job
                where id in (:ids) and status = 'RUNNING'
                order by workspace_id, contact_id
                for update skip locked""")
                .setParameter("ids", List.copyOf(ids))
                .getResultList();
        if (!free.isEmpty()) {
            update("leaseUntil = ?1 where id in ?2", until, free.stream().map(Number::longValue).toList());
        }
    }

    long countPending() {
        return count("status", SyncJob.Status.PENDING);
    }

    /** Running under a lease that has not lapsed. */
    long countRunning(Instant now) {
        return count("status = ?1 and leaseUntil >= ?2", SyncJob.Status.RUNNING, now);
    }

    /** Claimed by an instance whose lease lapsed: it stopped (a crash, a kill) and another will take the job over. */
    long countLapsed(Instant now) {
        return count("status = ?1 and leaseUntil < ?2", SyncJob.Status.RUNNING, now);
    }

    long countFailed() {
        return count("status", SyncJob.Status.FAILED);
    }

    Optional<SyncJob> oldestPending() {
        return find("status = ?1 order by queuedAt", SyncJob.Status.PENDING).firstResultOptional();
    }

    /** The latest jobs whose last attempt failed, newest first. */
    List<SyncJob> lastFailures(int count) {
        return find("status in ?1 and lastError is not null order by updatedAt desc", MAY_HAVE_FAILED).page(0, count)
                .list();
    }

    /** The workspace's jobs by state. */
    Map<SyncJob.Status, Long> countsByStatus(String workspaceId) {
        Map<SyncJob.Status, Long> counts = new EnumMap<>(SyncJob.Status.class);
        entities.createQuery("select j.status, count(j) from SyncJob j where j.workspaceId = ?1 group by j.status",
                Object[].class).setParameter(1, workspaceId).getResultList()
                .forEach(row -> counts.put((SyncJob.Status) row[0], (Long) row[1]));
        return counts;
    }

    Optional<SyncJob> oldestPending(String workspaceId) {
        return find("workspaceId = ?1 and status = ?2 order by queuedAt", workspaceId, SyncJob.Status.PENDING)
                .firstResultOptional();
    }

    List<SyncJob> lastFailures(String workspaceId, int count) {
        return find("workspaceId = ?1 and status in ?2 and lastError is not null order by updatedAt desc", workspaceId,
                MAY_HAVE_FAILED).page(0, count).list();
    }

    Optional<Instant> lastWrite(String workspaceId) {
        return Optional.ofNullable(entities.createQuery("select max(j.writtenAt) from SyncJob j where j.workspaceId = ?1",
                Instant.class).setParameter(1, workspaceId).getSingleResult());
    }

    /** What the retention decides a job's fate by. */
    record Aging(long id, SyncJob.Status status, Instant finishedAt, Instant emailSeenAt) {

        boolean doneBefore(Instant before) {
            return status == SyncJob.Status.DONE && finishedAt != null && finishedAt.isBefore(before);
        }

        boolean emailSeenBefore(Instant before) {
            return emailSeenAt != null && emailSeenAt.isBefore(before);
        }
    }

    /**
     * Up to {@code count} jobs after {@code afterId}, in id order: a page of the table, read through its primary key.
     * (A condition on the status here would read through {@code ix_sync_job_due} on H2, every done job for each page.)
     */
    List<Aging> agingAfter(long afterId, int count) {
        return entities.createQuery("select j.id, j.status, j.finishedAt, j.emailSeenAt from SyncJob j where j.id > ?1"
                + " order by j.id", Object[].class).setParameter(1, afterId).setMaxResults(count).getResultStream()
                .map(row -> new Aging((Long) row[0], (SyncJob.Status) row[1], (Instant) row[2], (Instant) row[3]))
                .toList();
    }

    /** Forgets those of the jobs that are still finished since before {@code before}: a later trigger starts a new row. */
    long deleteDoneBefore(Instant before, Collection<Long> ids) {
        return ids.isEmpty() ? 0
                : delete("id in ?1 and status = ?2 and finishedAt < ?3", ids, SyncJob.Status.DONE, before);
    }

    /** Forgets the jobs' emails if still seen before {@code before}: a later sync reads the contact again. */
    long forgetEmailsSeenBefore(Instant before, Collection<Long> ids) {
        return ids.isEmpty() ? 0
                : update("sealedEmail = null, emailSeenAt = null where id in ?1 and emailSeenAt < ?2", ids, before);
    }

    /** Deletes every job of the workspace, with the emails and write fingerprints they hold. */
    long deleteOfWorkspace(String workspaceId) {
        return delete("workspaceId", workspaceId);
    }

    /** Makes the workspace's waiting jobs due now (its token has just arrived). */
    int wakeWorkspace(String workspaceId, Instant now) {
        return update("nextAttemptAt = ?1 where workspaceId = ?2 and status = ?3 and nextAttemptAt > ?1", now,
                workspaceId, SyncJob.Status.PENDING);
    }
}
