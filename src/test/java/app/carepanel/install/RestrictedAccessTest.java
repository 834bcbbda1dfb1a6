package app.carepanel.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.carepanel.audit.AccessRecord;
import app.carepanel.support.AppTest;
import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.CanvasView;
import app.carepanel.support.IntercomStub;
import app.carepanel.support.OAuthDance;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.Signed;
import app.carepanel.sync.SyncJob;
import app.carepanel.workspace.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With {@code INSTALL_ALLOWED_WORKSPACES} and {@code SIDEBAR_ALLOWED_TEAMS} set, a workspace not on the list can
 * neither install nor see client data, and a teammate outside the allowed teams sees none either.
 */
@QuarkusTest
@TestProfile(RestrictedAccessTest.Restricted.class)
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(IntercomStub.class)
class RestrictedAccessTest extends AppTest {

    static final String ALLOWED = "ws-allowed";

    public static class Restricted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("install.allowed-workspaces", ALLOWED + ",ws-allowed-too",
                    "sidebar.allowed-teams", "5001, 5002");
        }
    }

    @Inject
    Workspaces workspaces;

    private static String canvas(String workspaceId, List<Object> teamIds) {
        return CanvasPayloads.initialize("c-1", "sami@example.com")
                .replace("\"workspace_id\":\"" + CanvasPayloads.WORKSPACE + "\"", "\"workspace_id\":\"" + workspaceId + "\"")
                .replace("\"type\":\"admin\"", "\"type\":\"admin\",\"team_ids\":" + CanvasPayloads.json(teamIds));
    }

    private List<String> panel(String workspaceId, List<Object> teamIds) {
        String body = Signed.canvas(canvas(workspaceId, teamIds)).post("/canvas/initialize").then().statusCode(200)
                .extract().asString();
        return CanvasView.initializeResponse(body).allText();
    }

    private List<String> outcomes(String workspaceId) {
        return QuarkusTransaction.requiringNew().call(() -> AccessRecord.<AccessRecord>find("workspaceId = ?1 order by id",
                workspaceId).list().stream().map(row -> row.outcome).toList());
    }

    @Test
    void refusesToInstallAWorkspaceNotOnTheListAndGivesItsTokenBack() {
        OAuthDance.exchanges(intercom, "code-1", "token-stranger");
        OAuthDance.owns(intercom, "token-stranger", "ws-stranger", "US", true);

        String location = OAuthDance.install("code-1").header("Location");

        assertThat(OAuthDance.query(location)).containsEntry("install_success", "false");
        assertThat(OAuthDance.query(location).get("error_message")).contains("ws-stranger").contains("not allowed");
        assertThat(workspaces.resolve("ws-stranger").token()).isEmpty();
    }

    @Test
    void installsAWorkspaceOnTheList() {
        OAuthDance.exchanges(intercom, "code-2", "token-allowed");
        OAuthDance.owns(intercom, "token-allowed", ALLOWED, "US", true);

        assertThat(OAuthDance.install("code-2").header("Location")).endsWith("install_success=true");
        assertThat(workspaces.resolve(ALLOWED).token()).contains("token-allowed");
    }

    @Test
    void showsATeammateOfAnAllowedTeamTheClient() {
        installed(ALLOWED);
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);

        // Intercom sends team ids as numbers.
        assertThat(panel(ALLOWED, List.of(9, 5002))).anyMatch(text -> text.contains("Sami Ruhsuf"));
    }

    @Test
    void showsATeammateOutsideTheAllowedTeamsNothingAndLooksNothingUp() {
        installed(ALLOWED);
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);

        assertThat(panel(ALLOWED, List.of(9))).anyMatch(text -> text.contains("do not have access to client data"));
        assertThat(panel(ALLOWED, List.of())).anyMatch(text -> text.contains("do not have access to client data"));

        platform.verify(0, PlatformFixtures.lookupsOf("sami@example.com"));
        assertThat(outcomes(ALLOWED)).containsExactly("denied", "denied");
        assertNothingQueued(ALLOWED);
    }

    @Test
    void showsAnInstalledWorkspaceTakenOffTheListNothingAndKeepsItsSyncsWaiting() {
        // Installed earlier (AppTest), then left off INSTALL_ALLOWED_WORKSPACES.
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);

        assertThat(panel(workspace, List.of(5001))).anyMatch(text -> text.contains("not allowed to see client data"));
        assertThat(panel("ws-never-installed", List.of(5001))).anyMatch(text -> text.contains("not set up"));
        platform.verify(0, PlatformFixtures.lookupsOf("sami@example.com"));
        assertThat(outcomes(workspace)).containsExactly("not allowed");
        assertThat(outcomes("ws-never-installed")).containsExactly("not installed");
        assertNothingQueued(workspace);
        assertThat(workspaces.resolve(workspace).whyNoToken()).contains("INSTALL_ALLOWED_WORKSPACES");
    }

    private void assertNothingQueued(String workspaceId) {
        // A view queues its sync asynchronously: a view that is looked up queues within moments; give it that time
        // by waiting for a view that does get looked up, then check that this workspace has nothing.
        installed("ws-allowed-too");
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        panel("ws-allowed-too", List.of(5001));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                SyncJob.count("workspaceId", "ws-allowed-too")) == 1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> SyncJob.count("workspaceId", workspaceId))).isZero();
    }
}
