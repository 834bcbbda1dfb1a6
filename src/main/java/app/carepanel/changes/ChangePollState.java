package app.carepanel.changes;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** How far the poll of the platform's client changes has got, per workspace: a restart resumes there. */
@Entity
@Table(name = "change_poll_state")
public class ChangePollState extends PanacheEntityBase {

    @Id
    public String id;

    /** Changes after this instant are asked for. */
    @Column(nullable = false)
    public Instant since;

    /** The next page of the current pass, when a pass was cut short. */
    @Column(name = "cursor")
    public String cursor;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
