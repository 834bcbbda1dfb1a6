package app.carepanel.webhook;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A notification id already taken in: Intercom may deliver one twice, and it is acted on once. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    @Column(name = "notification_id")
    public String notificationId;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
