package app.carepanel.intercom.demo;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.platform.demo.DemoClients;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Dev mode only: the stand-in Intercom's workspace, held in memory (a restart starts it empty): one contact per
 * sample client of the demo platform ({@code dev-contact-1} is the first, {@code sami@example.com}, the contact
 * {@code dev/canvas-request.sh} names), the data attributes the app creates, and the custom attributes it writes.
 * {@link DemoIntercomResource} answers Intercom's REST API from it; this class is what the rest of dev mode (the
 * console's preview) may read.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DemoIntercom {

    /** The access token the stand-in accepts: the dev workspace's. Any other gets Intercom's 401. */
    public static final String TOKEN = "dev-intercom-token";
    /** The workspace ({@code app.id_code}) the token belongs to. */
    public static final String WORKSPACE_ID = "dev-workspace";
    /** The admin the token was issued to, and who applies the sync tag in a fired tag notification. */
    public static final String ADMIN_ID = "dev-admin";
    static final String ADMIN_EMAIL = "dev-admin@example.com";
    /** Intercom's default budget, in calls per minute. */
    static final int RATE_LIMIT_PER_MINUTE = 10_000;

    private final Clock clock;
    private final DemoContacts contacts;
    private final DemoAttributes attributes = new DemoAttributes();
    private final DemoRateLimit rateLimit;

    DemoIntercom(Clock clock) {
        this.clock = clock;
        this.contacts = new DemoContacts(DemoClients.emails(), clock.instant());
        this.rateLimit = new DemoRateLimit(RATE_LIMIT_PER_MINUTE, clock::millis);
    }

    /** The id of the contact with this email (case does not matter), if the stand-in has one. */
    public Optional<String> contactIdOf(String email) {
        return contacts.withEmail(email).stream().map(DemoContact::id).findFirst();
    }

    /** The custom attributes written to the contact so far (empty map before the first write); empty if unknown. */
    public Optional<Map<String, Object>> attributesOf(String contactId) {
        return contacts.find(contactId).map(DemoContact::customAttributes);
    }

    /** The contact as it stands, if the stand-in has one with this id. */
    public Optional<DemoContact> contact(String contactId) {
        return contacts.find(contactId);
    }

    /** Every contact, in id order. */
    public List<DemoContact> contacts() {
        return contacts.all();
    }

    DemoContacts contactStore() {
        return contacts;
    }

    DemoAttributes attributeStore() {
        return attributes;
    }

    DemoRateLimit rateLimit() {
        return rateLimit;
    }

    Clock clock() {
        return clock;
    }
}
