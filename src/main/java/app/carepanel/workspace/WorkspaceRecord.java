package app.carepanel.workspace;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A workspace the app has served: its region and, once an admin installed the app, its token (sealed), who
 * installed it and when.
 */
@Entity
@Table(name = "workspace")
public class WorkspaceRecord extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String region;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The workspace's OAuth token, sealed with the data key and bound to the workspace id; null when none. */
    @Column(name = "token_sealed")
    public String tokenSealed;

    /** The Intercom admin id of whoever installed the app. */
    @Column(name = "installed_by")
    public String installedBy;

    @Column(name = "installed_at")
    public Instant installedAt;

    /** A keyed digest of {@code INTERCOM_ACCESS_TOKEN} when Intercom said this workspace owns that token. */
    @Column(name = "configured_token_digest", length = 64)
    public String configuredTokenDigest;
}
