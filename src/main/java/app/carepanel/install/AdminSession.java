package app.carepanel.install;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A console session: a digest of its cookie's value, whose it is, and when it ends. */
@Entity
@Table(name = "admin_session")
public class AdminSession extends PanacheEntityBase {

    @Id
    @Column(name = "session_digest", length = 64)
    public String sessionDigest;

    @Column(name = "workspace_id", nullable = false, length = 64)
    public String workspaceId;

    @Column(name = "admin_id", nullable = false, length = 64)
    public String adminId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
