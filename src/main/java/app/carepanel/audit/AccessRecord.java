package app.carepanel.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One panel answer in the access audit trail: who, in which workspace, saw which record, how. Ids and words only. */
@Entity
@Table(name = "access_audit")
public class AccessRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(name = "admin_id")
    public String adminId;

    @Column(name = "contact_id")
    public String contactId;

    /** The platform client ids the canvas showed, space-separated; null when it showed none. */
    @Column(name = "client_ids", length = 1000)
    public String clientIds;

    /** {@code view}, {@code refresh}, {@code show all}, {@code preview}, {@code search}, {@code link} or {@code unlink}. */
    @Column(nullable = false, length = 16)
    public String action;

    /** {@code shown}, {@code cached}, {@code stale}, {@code no account}, {@code excluded}, {@code denied}... */
    @Column(nullable = false, length = 32)
    public String outcome;
}
