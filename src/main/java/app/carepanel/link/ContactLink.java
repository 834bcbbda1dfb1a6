package app.carepanel.link;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A contact that a teammate linked by hand to a platform client. The client id is stored plain, unlike the
 * snapshots' names and emails: it is an account number that says nothing about the person on its own (the audit
 * trail keeps the same ids plain), and the change poll must find the links of a changed client by it.
 */
@Entity
@Table(name = "contact_link")
public class ContactLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(name = "contact_id", nullable = false)
    public String contactId;

    @Column(name = "client_id", nullable = false)
    public long clientId;

    /** The Intercom admin id of the teammate who linked it. */
    @Column(name = "linked_by")
    public String linkedBy;

    /** That teammate's name as Intercom gave it, for the panel's "linked by" line; a colleague's, not a client's. */
    @Column(name = "linked_by_name")
    public String linkedByName;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;
}
