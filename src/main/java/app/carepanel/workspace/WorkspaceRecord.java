package app.carepanel.workspace;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A workspace the app has served, and its region. */
@Entity
@Table(name = "workspace")
public class WorkspaceRecord extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String region;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
