package app.carepanel.sync;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The sync state of one contact in one workspace: the queue's unit of work. There is one row per contact, so a
 * trigger while the contact is pending adds nothing, and one while it is running asks for one more run.
 */
@Entity
@Table(name = "sync_job")
public class SyncJob extends PanacheEntityBase {

    public enum Status {
        PENDING, RUNNING, DONE, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public long version;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(name = "contact_id", nullable = false)
    public String contactId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Failed attempts since the last success; waits for rate limits or a refused token do not count. */
    @Column(nullable = false)
    public int attempts;

    /** When the contact last became pending (triggers that coalesce into it do not move this). */
    @Column(name = "queued_at", nullable = false)
    public Instant queuedAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** While running: when the claim lapses, so that a crashed worker's job is picked up again. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "claimed_by")
    public String claimedBy;

    /** A trigger came while running: run once more afterwards. */
    @Column(nullable = false)
    public boolean rerun;

    /** Some trigger wants data straight from the platform, not from the panel's short cache. */
    @Column(nullable = false)
    public boolean refetch;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_trigger", nullable = false)
    public SyncTrigger lastTrigger;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_outcome")
    public SyncOutcome lastOutcome;

    /** Why the last attempt failed: the call and status, never client data. */
    @Column(name = "last_error", length = 500)
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    static Optional<SyncJob> find(String workspaceId, String contactId) {
        return find("workspaceId = ?1 and contactId = ?2", workspaceId, contactId).firstResultOptional();
    }
}
