package app.carepanel.sync;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A sync tag to take off a conversation once the contact it asked for is written. */
@Entity
@Table(name = "sync_tag_removal")
public class PendingTagRemoval extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(name = "contact_id", nullable = false)
    public String contactId;

    @Column(name = "conversation_id", nullable = false)
    public String conversationId;

    @Column(name = "tag_id", nullable = false)
    public String tagId;

    @Column(name = "admin_id")
    public String adminId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Keeps the tag to take off once the contact is written, unless it is already kept. */
    static void remember(String workspaceId, String contactId, TagRemoval tag, Instant now) {
        boolean known = count("workspaceId = ?1 and contactId = ?2 and conversationId = ?3 and tagId = ?4",
                workspaceId, contactId, tag.conversationId(), tag.tagId()) > 0;
        if (!known) {
            PendingTagRemoval removal = new PendingTagRemoval();
            removal.workspaceId = workspaceId;
            removal.contactId = contactId;
            removal.conversationId = tag.conversationId();
            removal.tagId = tag.tagId();
            removal.adminId = tag.adminId();
            removal.createdAt = now;
            removal.persistAndFlush();
        }
    }

    static List<PendingTagRemoval> of(String workspaceId, String contactId) {
        return list("workspaceId = ?1 and contactId = ?2 order by id", workspaceId, contactId);
    }

    TagRemoval removal() {
        return new TagRemoval(conversationId, tagId, adminId);
    }
}
