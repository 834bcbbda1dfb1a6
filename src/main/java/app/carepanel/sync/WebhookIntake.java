package app.carepanel.sync;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.carepanel.intercom.IntercomConversation;
import app.carepanel.profile.EmailScreen;
import app.carepanel.web.BadRequest;
import app.carepanel.web.IntercomIds;
import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.Workspaces;
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
    private final Workspaces workspaces;
    private final SyncConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<SyncQueue.JobQueued> queued;

    WebhookIntake(SyncQueue queue, EmailScreen emails, Workspaces workspaces, SyncConfig config, ObjectMapper json,
            Clock clock, Event<SyncQueue.JobQueued> queued) {
        this.queue = queue;
        this.emails = emails;
        this.workspaces = workspaces;
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
        List<Work> work = workFor(notification);
        if (work.isEmpty()) {
            return new Outcome("ignored", 0);
        }
        Workspace workspace = workspaces.byId(notification.appId());
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
            if (notification.id() != null && WebhookDelivery.findById(notification.id()) != null) {
                return new Outcome("duplicate", 0);
            }
            if (notification.id() != null) {
                WebhookDelivery delivery = new WebhookDelivery();
                delivery.notificationId = notification.id();
                delivery.workspaceId = workspace.id();
                delivery.topic = notification.topic();
                delivery.receivedAt = clock.instant();
                delivery.persistAndFlush();
            }
            // Rows are locked in one order (by contact id), so two notifications naming the same contacts cannot
            // deadlock each other.
            for (Work item : work.stream().sorted(Comparator.comparing(Work::contactId)).toList()) {
                queue.enqueueInCurrentTransaction(workspace, item.contactId(), item.trigger(), item.tag());
            }
            return new Outcome("queued", work.size());
        });
        queued.fire(new SyncQueue.JobQueued());
        return outcome;
    }

    private record Work(String contactId, SyncTrigger trigger, Optional<TagRemoval> tag) {
    }

    private List<Work> workFor(WebhookNotification notification) {
        String topic = notification.topic() == null ? "" : notification.topic();
        JsonNode item = notification.item();
        if (MESSAGE_TOPICS.contains(topic)) {
            return conversationContacts(item, SyncTrigger.MESSAGE, Optional.empty());
        }
        if (EMAIL_TOPIC.equals(topic)) {
            String contactId = item.path("id").asText("");
            return contactId.isBlank() ? List.of()
                    : List.of(new Work(IntercomIds.require(contactId, "data.item.id"), SyncTrigger.EMAIL_CHANGED, Optional.empty()));
        }
        if (TAG_TOPIC.equals(topic)) {
            return syncTag(item)
                    .filter(tagId -> !item.path("id").asText("").isBlank())
                    .map(tagId -> conversationContacts(item, SyncTrigger.TAG, Optional.of(new TagRemoval(
                            IntercomIds.require(item.path("id").asText(), "the conversation id"),
                            IntercomIds.require(tagId, "the tag id"),
                            taggingAdmin(item).map(admin -> IntercomIds.require(admin, "the admin id")).orElse(null)))))
                    .orElse(List.of());
        }
        return List.of();
    }

    /** The conversation's contacts, unless the conversation was sent from a shared or system address. */
    private List<Work> conversationContacts(JsonNode item, SyncTrigger trigger, Optional<TagRemoval> tag) {
        IntercomConversation conversation = conversation(item);
        if (emails.anyShared(conversation.replyToEmails())) {
            Log.debugf("Conversation %s replies to a shared address: its contacts are not synced", conversation.id());
            return List.of();
        }
        List<Work> work = new ArrayList<>();
        for (String contactId : conversation.contactIds()) {
            work.add(new Work(IntercomIds.require(contactId, "a conversation contact's id"), trigger, tag));
        }
        return work;
    }

    private IntercomConversation conversation(JsonNode item) {
        if (!item.isObject()) {
            throw new BadRequest("data.item must be the conversation");
        }
        try {
            return json.convertValue(item, IntercomConversation.class);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("data.item is not a conversation Intercom would send");
        }
    }

    /** The id of the configured sync tag among the tags the notification carries, if it is there. */
    private Optional<String> syncTag(JsonNode item) {
        String wanted = config.tag().trim().toLowerCase(Locale.ROOT);
        for (JsonNode tags : List.of(item.path("tags_added").path("tags"), item.path("tags").path("tags"))) {
            for (JsonNode tag : tags) {
                if (wanted.equals(tag.path("name").asText("").trim().toLowerCase(Locale.ROOT))
                        && !tag.path("id").asText("").isBlank()) {
                    return Optional.of(tag.path("id").asText());
                }
            }
        }
        return Optional.empty();
    }

    /** The admin who tagged: the author of the latest admin part, else the tag's {@code applied_by}. */
    private static Optional<String> taggingAdmin(JsonNode item) {
        String admin = null;
        for (JsonNode part : item.path("conversation_parts").path("conversation_parts")) {
            JsonNode author = part.path("author");
            if ("admin".equals(author.path("type").asText()) && !author.path("id").asText("").isBlank()) {
                admin = author.path("id").asText();
            }
        }
        if (admin == null) {
            for (JsonNode tag : item.path("tags").path("tags")) {
                JsonNode by = tag.path("applied_by");
                if ("admin".equals(by.path("type").asText()) && !by.path("id").asText("").isBlank()) {
                    admin = by.path("id").asText();
                }
            }
        }
        return Optional.ofNullable(admin);
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
