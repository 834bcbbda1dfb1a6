package app.carepanel.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.carepanel.support.AppTest;
import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.IntercomFixtures;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.Signed;
import app.carepanel.support.WebhookPayloads;
import app.carepanel.workspace.Setting;
import app.carepanel.workspace.WorkspaceSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A workspace's own attribute names and typed-companions switch: what its syncs write and its panel labels. */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
class WorkspaceAttributeSettingsTest extends AppTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Inject
    WorkspaceSettings settings;

    @Inject
    SyncJobs jobs;

    /** The test's own contact, so that a late write of another test's contact cannot be counted here. */
    private String contact;

    @BeforeEach
    void blankState() {
        contact = "c-" + workspace;
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        IntercomFixtures.contactExists(intercom, contact, "sami@example.com");
        IntercomFixtures.attributesExist(intercom, IntercomFixtures.ALL_ATTRIBUTES);
        IntercomFixtures.writesSucceed(intercom);
    }

    @Test
    void writesUnderTheWorkspacesOwnNamesAndCreatesThem() {
        settings.change(workspace, "admin-1", Map.of(Setting.ATTRIBUTE_NAMES,
                Optional.of("Client ID=Platform Client ID\nTherapist Name=Clinician")));

        clientReplied(contact);
        awaitWrites(contact, 1);

        Map<String, Object> written = IntercomFixtures.lastWrite(intercom, contact);
        assertThat(written).containsEntry("Platform Client ID", "4719854")
                .containsEntry("Clinician", "Dr. Sarah Johnson, Dr. Michael Chen")
                .doesNotContainKeys("Client ID", "Therapist Name");
        intercom.verify(postRequestedFor(urlEqualTo("/data_attributes")).withRequestBody(
                equalToJson("{\"name\":\"Platform Client ID\",\"data_type\":\"string\"}", true, true)));
    }

    @Test
    void leavesTheTypedCompanionsOutWhenTheWorkspaceTurnedThemOff() {
        settings.change(workspace, "admin-1", Map.of(Setting.TYPED_COMPANIONS, Optional.of("off")));

        clientReplied(contact);
        awaitWrites(contact, 1);

        Map<String, Object> written = IntercomFixtures.lastWrite(intercom, contact);
        assertThat(written).containsEntry("Name", "Sami Ruhsuf").hasSize(21)
                .doesNotContainKeys("next_appointment_at", "unpaid_balance", "platform_account_exists");
    }

    @Test
    void writesAgainUnderNewNamesEvenWhenNoValueChanged() {
        clientReplied(contact);
        awaitWrites(contact, 1);
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> jobs.of(workspace, contact).orElseThrow().status) == SyncJob.Status.DONE);

        settings.change(workspace, "admin-1", Map.of(Setting.ATTRIBUTE_NAMES, Optional.of("Name=Client Name")));
        clientReplied(contact);
        awaitWrites(contact, 2);

        assertThat(IntercomFixtures.lastWrite(intercom, contact)).containsEntry("Client Name", "Sami Ruhsuf");
    }

    @Test
    void aViewAfterARenameWritesUnderTheNewNames() {
        view();
        awaitWrites(contact, 1);
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> jobs.of(workspace, contact).orElseThrow().status) == SyncJob.Status.DONE);

        settings.change(workspace, "admin-1", Map.of(Setting.ATTRIBUTE_NAMES, Optional.of("Name=Client Name")));
        view();

        awaitWrites(contact, 2);
        assertThat(IntercomFixtures.lastWrite(intercom, contact)).containsEntry("Client Name", "Sami Ruhsuf");
    }

    @Test
    void labelsThePanelsFieldsWithTheWorkspacesOwnNames() {
        settings.change(workspace, "admin-1", Map.of(Setting.ATTRIBUTE_NAMES, Optional.of("Therapist Name=Clinician")));

        String panel = view();

        assertThat(panel).contains("\"field\":\"Clinician\"").doesNotContain("\"field\":\"Therapist Name\"");
    }

    /** The contact's conversation opened in the Inbox: the panel's answer. */
    private String view() {
        return Signed.canvas(CanvasPayloads.initialize(contact, "sami@example.com")
                .replace(CanvasPayloads.WORKSPACE, workspace)).post("/canvas/initialize")
                .then().statusCode(200).extract().asString();
    }

    private void clientReplied(String contactId) {
        Signed.webhook(WebhookPayloads.clientReplied("n-" + workspace + "-" + System.nanoTime(), workspace, "conv-1",
                contactId)).post("/webhooks/intercom").then().statusCode(200);
    }

    private void awaitWrites(String contactId, int count) {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(intercom.findAll(IntercomFixtures.writesTo(contactId))).hasSize(count));
    }
}
