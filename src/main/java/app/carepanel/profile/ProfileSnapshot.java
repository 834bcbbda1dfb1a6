package app.carepanel.profile;

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

/** The last successful lookup of one email in one workspace: the formatted profile, as JSON. */
@Entity
@Table(name = "profile_snapshot")
public class ProfileSnapshot extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(name = "email_digest", nullable = false, length = 64)
    @JdbcTypeCode(SqlTypes.CHAR)
    public String emailDigest;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;

    @Column(name = "profile_json", nullable = false)
    public String profileJson;

    static Optional<ProfileSnapshot> findByKey(ProfileKey key) {
        return find("workspaceId = ?1 and emailDigest = ?2", key.workspaceId(), key.emailDigest()).firstResultOptional();
    }
}
