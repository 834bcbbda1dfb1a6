package app.carepanel.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.eclipse.microprofile.faulttolerance.Retry;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.carepanel.intercom.IntercomContact;
import app.carepanel.intercom.IntercomConversation;
import app.carepanel.intercom.WebhookNotification;
import app.carepanel.profile.EmailScreen;
import app.carepanel.sync.SyncConfig;
import app.carepanel.sync.SyncQueue;
import app.carepanel.sync.SyncRequest;
import app.carepanel.sync.SyncTrigger;
import app.carepanel.sync.TagRemoval;
import app.carepanel.web.BadRequest;
import app.carepanel.web.IntercomIds;
import app.carepanel.workspace.Setting;
import app.carepanel.workspace.WorkspaceSettings;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Turns a verified webhook notification into queued syncs, in one transaction with the record of its id, so
 * that what Intercom is told was received is stored, and a redelivery is recognised. Nothing here calls the
 * platform or Intercom: the answer goes back at once.
 */
@ApplicationScoped
class WebhookIntake {

    static final List<String> MESSAGE_TOPICS = List.of("conversation.user.created", "conversation.user.replied");
    static final String EMAIL_TOPIC = "contact.email.updated";
    static final String TAG_TOPIC = "conversation_part.tag.created";
    /** Intercom retries a failed delivery once, a minute later; ids are kept well beyond that. */
    private static final Duration KEEP_IDS = Duration.ofDays(3);

    private final SyncQueue queue;
    private final EmailScreen emails;
    private final SyncConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<SyncQueue.JobQueued> queued;
    private final WorkspaceSettings settings;

    WebhookIntake(SyncQueue queue, EmailScreen emails, SyncConfig config, ObjectMapper json, Clock clock,
            Event<SyncQueue.JobQueued> queued, WorkspaceSettings settings) {
        this.settings = settings;
        this.queue = queue;
        this.emails = emails;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.queued = queued;
    }

    /** What became of a notification. */
    record Outcome(String status, int contacts) {
    }

    @Retry(maxRetries = 3, delay = 20, jitter = 20, abortOn = BadRequest.class)
    Outcome accept(WebhookNotification notification) {
        List<SyncRequest> work = workFor(notification);
        if (work.isEmpty()) {
            return new Outcome("ignored", 0);
        }
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
            if (notification.id() != null && WebhookDelivery.findById(notification.id()) != null) {
                return new Outcome("duplicate", 0);
            }
            if (notification.id() != null) {
                WebhookDelivery delivery = new WebhookDelivery();
                delivery.notificationId = notification.id();
                delivery.workspaceId = notification.appId();
                delivery.topic = notification.topic();
                delivery.receivedAt = clock.instant();
                delivery.persistAndFlush();
            }
            // Rows are locked in one order (by contact id), so two notifications naming the same contacts cannot
            // deadlock each other.
            for (SyncRequest request : work.stream().sorted(Comparator.comparing(SyncRequest::contactId)).toList()) {
                queue.enqueueInCurrentTransaction(request);
            }
            return new Outcome("queued", work.size());
        });
        queued.fire(new SyncQueue.JobQueued());
        return outcome;
    }

    private List<SyncRequest> workFor(WebhookNotification notification) {
        String topic = notification.topic() == null ? "" : notification.topic();
        String workspaceId = notification.appId();
        if (MESSAGE_TOPICS.contains(topic)) {
            IntercomConversation conversation = conversation(notification);
            return conversationContacts(workspaceId, conversation, SyncTrigger.MESSAGE, Optional.empty());
        }
        if (EMAIL_TOPIC.equals(topic)) {
            IntercomContact contact = contact(notification);
            return contact.id() == null || contact.id().isBlank() ? List.of()
                    : List.of(SyncRequest.of(workspaceId, IntercomIds.require(contact.id(), "data.item.id"),
                            SyncTrigger.EMAIL_CHANGED));
        }
        if (TAG_TOPIC.equals(topic)) {
            IntercomConversation conversation = conversation(notification);
            if (conversation.id() == null || conversation.id().isBlank()) {
                return List.of();
            }
            return syncTag(workspaceId, conversation).map(tagId -> conversationContacts(workspaceId, conversation, SyncTrigger.TAG,
                    Optional.of(new TagRemoval(IntercomIds.require(conversation.id(), "the conversation id"),
                            IntercomIds.require(tagId, "the tag id"),
                            conversation.taggingAdmin().map(admin -> IntercomIds.require(admin, "the admin id")).orElse(null)))))
                    .orElse(List.of());
        }
        return List.of();
    }

    /**
     * The conversation's contacts, unless the conversation was sent from a shared or system address. A contact
     * who wrote the first message takes along the email the payload names for them.
     */
    private List<SyncRequest> conversationContacts(String workspaceId, IntercomConversation conversation,
            SyncTrigger trigger, Optional<TagRemoval> tag) {
        if (emails.of(workspaceId).anyShared(conversation.replyToEmails())) {
            Log.debugf("Conversation %s replies to a shared address: its contacts are not synced", conversation.id());
            return List.of();
        }
        List<SyncRequest> work = new ArrayList<>();
        for (String contactId : conversation.contactIds()) {
            SyncRequest request = SyncRequest.of(workspaceId, IntercomIds.require(contactId, "a conversation contact's id"), trigger)
                    .withEmail(conversation.authorEmail(contactId).orElse(null));
            work.add(tag.map(request::withTag).orElse(request));
        }
        return work;
    }

    private IntercomConversation conversation(WebhookNotification notification) {
        try {
            return notification.conversation(json);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("data.item is not a conversation Intercom would send");
        }
    }

    private IntercomContact contact(WebhookNotification notification) {
        try {
            return notification.contact(json);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("data.item is not a contact Intercom would send");
        }
    }

    /** The id of the configured sync tag among the tags the notification carries, if it is there. */
    /** The conversation's tag that asks for a sync: the workspace's own tag name where its admin set one. */
    private Optional<String> syncTag(String workspaceId, IntercomConversation conversation) {
        String wanted = settings.value(workspaceId, Setting.SYNC_TAG).orElse(config.tag()).trim().toLowerCase(Locale.ROOT);
        return conversation.tagsNamed().stream()
                .filter(tag -> tag.name() != null && wanted.equals(tag.name().trim().toLowerCase(Locale.ROOT)))
                .map(IntercomConversation.Tag::id)
                .filter(id -> id != null && !id.isBlank())
                .findFirst();
    }

    /** Forgets notification ids old enough that Intercom will not deliver them again. */
    @Scheduled(every = "1h", delayed = "5m")
    void forgetOldDeliveries() {
        long removed = QuarkusTransaction.requiringNew()
                .call(() -> WebhookDelivery.delete("receivedAt < ?1", clock.instant().minus(KEEP_IDS)));
        if (removed > 0) {
            Log.debugf("Forgot %d old webhook notification ids", removed);
        }
    }
}
