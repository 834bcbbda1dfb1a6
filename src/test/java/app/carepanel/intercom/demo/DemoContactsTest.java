package app.carepanel.intercom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.carepanel.platform.demo.DemoClients;

/** The stand-in Intercom's contacts and attributes, without Quarkus: what a write keeps, and what it refuses. */
class DemoContactsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final DemoContacts contacts = new DemoContacts(DemoClients.emails(), NOW);
    private final DemoAttributes attributes = new DemoAttributes();

    @Test
    void hasOneContactPerSampleClientTheFirstBeingTheCanvasScriptsContact() {
        assertThat(contacts.all()).extracting(DemoContact::id)
                .containsExactly("dev-contact-1", "dev-contact-2", "dev-contact-3", "dev-contact-4", "dev-contact-5");
        assertThat(contacts.find("dev-contact-1")).get().extracting(DemoContact::email).isEqualTo("sami@example.com");
        // The sample client who writes from elsewhere: her contact has the address the platform does not know.
        assertThat(contacts.find("dev-contact-5")).get().extracting(DemoContact::email).isEqualTo("taylor.home@example.net");
        assertThat(contacts.withEmail(" Jordan.Lee@Example.com ")).extracting(DemoContact::id).containsExactly("dev-contact-2");
        assertThat(contacts.withEmail("nobody@example.com")).isEmpty();
        assertThat(contacts.find("dev-contact-9")).isEmpty();
    }

    @Test
    void keepsWrittenAttributesAndCountsTheWrites() {
        attributes.create("Care Status", "contact", "string", "Written by the app", NOW);
        attributes.create("sessions_count", "contact", "integer", null, NOW);
        attributes.create("next_appointment_at", "contact", "date", null, NOW);
        attributes.create("unpaid_balance", "contact", "float", null, NOW);
        attributes.create("platform_account_exists", "contact", "boolean", null, NOW);

        contacts.write("dev-contact-1", Map.of("Care Status", "Active", "sessions_count", 3), attributes, NOW);
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("Care Status", null);
        DemoContact written = contacts.write("dev-contact-1", Map.of("next_appointment_at", 1_765_000_000L,
                "unpaid_balance", 150.0, "platform_account_exists", true, "sessions_count", BigInteger.TEN), attributes,
                NOW.plusSeconds(5));
        written = contacts.write("dev-contact-1", cleared, attributes, NOW.plusSeconds(9));

        assertThat(written.customAttributes()).containsEntry("Care Status", null)
                .containsEntry("sessions_count", BigInteger.TEN).containsEntry("next_appointment_at", 1_765_000_000L)
                .containsEntry("unpaid_balance", 150.0).containsEntry("platform_account_exists", true);
        assertThat(written.writes()).isEqualTo(3);
        assertThat(written.writtenAt()).isEqualTo(NOW.plusSeconds(9));
        assertThat(contacts.find("dev-contact-2").orElseThrow().customAttributes()).isEmpty();
    }

    @Test
    void refusesAWriteToAnAttributeThatDoesNotExistAndKeepsNoneOfIt() {
        attributes.create("Care Status", "contact", "string", null, NOW);

        assertThatThrownBy(() -> contacts.write("dev-contact-1", Map.of("Care Status", "Active", "Therapist", "Dr. Chen"),
                attributes, NOW))
                .isInstanceOfSatisfying(DemoRefusal.class, refusal -> {
                    assertThat(refusal.status).isEqualTo(400);
                    assertThat(refusal.code).isEqualTo("parameter_not_found");
                    assertThat(refusal.getMessage()).isEqualTo("Custom attribute 'Therapist' does not exist");
                });
        assertThatThrownBy(() -> contacts.write("dev-contact-1", Map.of("email", "x@example.com"), attributes, NOW))
                .hasMessage("Custom attribute 'email' does not exist");
        assertThat(contacts.find("dev-contact-1").orElseThrow().customAttributes()).isEmpty();
        assertThat(contacts.find("dev-contact-1").orElseThrow().writes()).isZero();
    }

    @Test
    void refusesValuesThatDoNotFitTheAttributesTypeWithoutEchoingThem() {
        attributes.create("sessions_count", "contact", "integer", null, NOW);
        attributes.create("next_appointment_at", "contact", "date", null, NOW);
        attributes.create("Care Status", "contact", "string", null, NOW);

        assertThatThrownBy(() -> contacts.write("dev-contact-1", Map.of("sessions_count", "3"), attributes, NOW))
                .hasMessage("Custom attribute 'sessions_count' is a integer; it cannot hold a string");
        assertThatThrownBy(() -> contacts.write("dev-contact-1", Map.of("next_appointment_at", 1.5), attributes, NOW))
                .hasMessage("Custom attribute 'next_appointment_at' is a date (Unix seconds); it cannot hold a number");
        assertThatThrownBy(() -> contacts.write("dev-contact-1", Map.of("Care Status", "x".repeat(256)), attributes, NOW))
                .hasMessage("Custom attribute 'Care Status' is longer than 255 characters");
        contacts.write("dev-contact-1", Map.of("Care Status", "x".repeat(255)), attributes, NOW);
    }

    @Test
    void answersIntercomsNotFoundForAnUnknownContact() {
        assertThatThrownBy(() -> contacts.write("dev-contact-9", Map.of(), attributes, NOW))
                .isInstanceOfSatisfying(DemoRefusal.class, refusal -> {
                    assertThat(refusal.status).isEqualTo(404);
                    assertThat(refusal.code).isEqualTo("not_found");
                    assertThat(refusal.getMessage()).isEqualTo("User Not Found");
                });
    }

    @Test
    void createsCustomAttributesOnceWithIntercomsTypesUpToTheCap() {
        DemoAttributes.Definition created = attributes.create("Care Status", "contact", "string", "shown values", NOW);

        assertThat(created.toJson()).containsEntry("name", "Care Status").containsEntry("data_type", "string")
                .containsEntry("custom", true).containsEntry("full_name", "custom_attributes.Care Status");
        assertThat(attributes.all()).extracting(DemoAttributes.Definition::name).contains("email", "Care Status");
        assertThatThrownBy(() -> attributes.create("Care Status", "contact", "string", null, NOW))
                .hasMessage("You already have 'Care Status' in your contact data.");
        assertThatThrownBy(() -> attributes.create("email", "contact", "string", null, NOW))
                .hasMessage("You already have 'email' in your contact data.");
        assertThatThrownBy(() -> attributes.create("Ring", "contact", "mithril", null, NOW))
                .hasMessage("Data Type isn't an option");
        assertThatThrownBy(() -> attributes.create("Ring", "conversation", "string", null, NOW))
                .hasMessageStartingWith("The Data Attribute model field must be either contact or company");
        assertThatThrownBy(() -> attributes.create(" ", "contact", "string", null, NOW)).hasMessage("Name can't be blank");

        for (int i = 2; i <= DemoAttributes.MAX_CUSTOM; i++) {
            attributes.create("attribute " + i, "contact", "string", null, NOW);
        }
        assertThatThrownBy(() -> attributes.create("one too many", "contact", "string", null, NOW))
                .isInstanceOfSatisfying(DemoRefusal.class, refusal -> {
                    assertThat(refusal.status).isEqualTo(400);
                    // What the app's client looks for to tell the cap from another refusal.
                    assertThat(refusal.getMessage()).contains("limit");
                });
        assertThat(attributes.customTypes()).hasSize(DemoAttributes.MAX_CUSTOM);
        assertThat(List.copyOf(attributes.customTypes().keySet())).first().isEqualTo("Care Status");
    }
}
