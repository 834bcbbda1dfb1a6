package app.carepanel.workspace;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** That an admin changed a setting of their workspace, and when; the value is not kept here. */
@Entity
@Table(name = "setting_change")
public class SettingChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "workspace_id", nullable = false, length = 64)
    public String workspaceId;

    @Column(name = "admin_id", length = 64)
    public String adminId;

    @Column(name = "name", nullable = false, length = 32)
    public String name;

    @Column(name = "at", nullable = false)
    public Instant at;
}
