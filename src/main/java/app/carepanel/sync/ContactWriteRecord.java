package app.carepanel.sync;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The last write to one contact: when, and a digest of what (not the values themselves). */
@Entity
@Table(name = "contact_write")
public class ContactWriteRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(name = "contact_id", nullable = false)
    public String contactId;

    /** A SHA-256 hex digest: fixed length, as in the migration. */
    @Column(nullable = false, length = 64)
    @JdbcTypeCode(SqlTypes.CHAR)
    public String fingerprint;

    @Column(name = "written_at", nullable = false)
    public Instant writtenAt;

    static Optional<ContactWriteRecord> find(String workspaceId, String contactId) {
        return find("workspaceId = ?1 and contactId = ?2", workspaceId, contactId).firstResultOptional();
    }
}
