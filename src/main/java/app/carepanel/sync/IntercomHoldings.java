package app.carepanel.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.intercom.IntercomClient;
import app.carepanel.intercom.IntercomException;
import app.carepanel.workspace.Workspace;
import app.carepanel.workspace.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What Intercom holds for a contact, for the console's preview: the contact read now ({@code GET /contacts/{id}},
 * within the workspace's rate limit), its values of the attributes this app writes, and when the sync last wrote.
 */
@ApplicationScoped
public class IntercomHoldings {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Workspaces workspaces;
    private final IntercomClient intercom;
    private final ContactAttributes attributes;
    private final SyncJobs jobs;
    private final SyncWaits waits;

    IntercomHoldings(Workspaces workspaces, IntercomClient intercom, ContactAttributes attributes, SyncJobs jobs,
            SyncWaits waits) {
        this.workspaces = workspaces;
        this.intercom = intercom;
        this.attributes = attributes;
        this.jobs = jobs;
        this.waits = waits;
    }

    /**
     * {@code values}: this app's attributes as Intercom holds them, in the app's order (an attribute never written
     * is absent); {@code problem}: why they could not be read, in words, or null.
     */
    public record Holding(Map<String, Object> values, String lastOutcome, Instant lastWrite, String problem,
            boolean syncSettled) {
    }

    /**
     * What Intercom holds once the contact's sync asked at {@code asked} (by a view, say) has ended, waiting for it at
     * most {@code patience}; {@code syncSettled} says whether it had. Without a token nothing is waited for, nor when
     * the view queued no sync (its contact already held that data).
     */
    public Holding afterSync(String workspaceId, String contactId, Instant asked, Duration patience) {
        boolean settled = workspaces.resolve(workspaceId).token().isEmpty()
                || waits.awaitIfQueued(workspaceId, contactId, asked, patience);
        Holding holding = of(workspaceId, contactId);
        return new Holding(holding.values(), holding.lastOutcome(), holding.lastWrite(), holding.problem(), settled);
    }

    public Holding of(String workspaceId, String contactId) {
        Optional<SyncJob> job = QuarkusTransaction.requiringNew().call(() -> jobs.of(workspaceId, contactId));
        String outcome = job.map(j -> j.lastOutcome == null ? j.status.name() : j.lastOutcome.name())
                .map(String::toLowerCase).orElse(null);
        Instant written = job.map(j -> j.writtenAt).orElse(null);
        Workspace workspace = workspaces.resolve(workspaceId);
        if (workspace.token().isEmpty()) {
            return new Holding(Map.of(), outcome, written, "Intercom cannot be asked: " + workspace.whyNoToken(), true);
        }
        try {
            IntercomClient.ContactLookup lookup = intercom.getContact(workspace, contactId);
            if (lookup instanceof IntercomClient.ContactLookup.Found found) {
                return new Holding(ours(workspaceId, found.contact().customAttributes()), outcome, written, null, true);
            }
            return new Holding(Map.of(), outcome, written, lookup instanceof IntercomClient.ContactLookup.Merged merged
                    ? "Intercom merged this contact into " + merged.canonicalId() + "."
                    : "Intercom has no contact " + contactId + ".", true);
        } catch (IntercomException e) {
            return new Holding(Map.of(), outcome, written, "Intercom could not be read just now (" + e.getMessage() + ").",
                    true);
        }
    }

    /** This app's attributes among the contact's; a date (Unix seconds) also as a UTC time a person can read. */
    private Map<String, Object> ours(String workspaceId, Map<String, Object> custom) {
        Map<String, Object> values = new LinkedHashMap<>();
        attributes.dataTypes(workspaceId).forEach((name, type) -> {
            if (custom.containsKey(name)) {
                Object value = custom.get(name);
                values.put(name, "date".equals(type) && value instanceof Number seconds
                        ? seconds + " (" + READABLE.format(Instant.ofEpochSecond(seconds.longValue())) + ")" : value);
            }
        });
        return values;
    }
}
