package app.carepanel.profile;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Query;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The last successful lookup of one email in one workspace: the profile as the panel would show it, as JSON,
 * encrypted; found by a keyed digest of the email, which is not stored.
 */
@Entity
@Table(name = "profile_snapshot")
public class ProfileSnapshot extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    /** HMAC-SHA256 of the email under a key derived from the data key, hex. */
    @Column(name = "email_digest", nullable = false, length = 64)
    @JdbcTypeCode(SqlTypes.CHAR)
    public String emailDigest;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;

    /**
     * The profile's JSON, compressed and sealed with the data key (bound to the workspace and digest), as bytes
     * ({@link SnapshotSealing}); null in a row written before version 12 of the schema, which has the text below.
     */
    @Column(name = "profile_binary")
    public byte[] profileBinary;

    /** The same as base64 text, as rows written before version 12 of the schema hold it; null in a newer row. */
    @Column(name = "profile_sealed")
    public String profileSealed;

    static Optional<ProfileSnapshot> find(String workspaceId, String emailDigest) {
        return find("workspaceId = ?1 and emailDigest = ?2", workspaceId, emailDigest).firstResultOptional();
    }

    /**
     * The workspace's snapshots stored under these digests, read by the unique key's pairs: with {@code workspace_id
     * = ? and email_digest in (...)}, H2 used only the key's first column and read every snapshot of the workspace
     * for each batch (the snapshot writer's lookups were 22 % of the samples of views after a 50,000-contact history,
     * bench/results/after-11.md). The digests are cast to the column's type, so that PostgreSQL compares them by the
     * index's type too. The query does not flush the session first: callers read before they write.
     */
    @SuppressWarnings("unchecked")
    static List<ProfileSnapshot> stored(String workspaceId, Collection<String> emailDigests) {
        if (emailDigests.isEmpty()) {
            return List.of();
        }
        List<String> digests = List.copyOf(emailDigests);
        StringJoiner pairs = new StringJoiner(", ", "select * from profile_snapshot where (workspace_id, email_digest) in (",
                ")");
        for (int i = 0; i < digests.size(); i++) {
            pairs.add("(:workspace, cast(:digest" + i + " as char(64)))");
        }
        Query query = getEntityManager().createNativeQuery(pairs.toString(), ProfileSnapshot.class)
                .setParameter("workspace", workspaceId).setFlushMode(FlushModeType.COMMIT);
        for (int i = 0; i < digests.size(); i++) {
            query.setParameter("digest" + i, digests.get(i));
        }
        return query.getResultList();
    }

    String context() {
        return "profile_snapshot/" + workspaceId + "/" + emailDigest;
    }
}
