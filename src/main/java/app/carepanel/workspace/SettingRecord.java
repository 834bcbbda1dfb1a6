package app.carepanel.workspace;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A workspace's own value of one setting. */
@Entity
@Table(name = "workspace_setting")
@IdClass(SettingRecord.Key.class)
public class SettingRecord extends PanacheEntityBase {

    @Id
    @Column(name = "workspace_id", length = 64)
    public String workspaceId;

    @Id
    @Column(name = "name", length = 32)
    public String name;

    @Column(name = "setting_value", nullable = false, length = 4000)
    public String value;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", length = 64)
    public String updatedBy;

    public record Key(String workspaceId, String name) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
