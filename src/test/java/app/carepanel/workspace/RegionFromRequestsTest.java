package app.carepanel.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.carepanel.support.AppTest;
import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.CapturedLogs;
import app.carepanel.support.NoSyncWorkers;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.Signed;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The region a Canvas Kit request names is recorded when it is one of Intercom's, and ignored otherwise. */
@QuarkusTest
@TestProfile(NoSyncWorkers.class)
class RegionFromRequestsTest extends AppTest {

    @Inject
    Workspaces workspaces;

    @BeforeEach
    void stubs() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
    }

    private void initialize(String region) {
        String body = CanvasPayloads.initialize("c-1", "sami@example.com")
                .replace("\"workspace_id\":\"" + CanvasPayloads.WORKSPACE + "\"", "\"workspace_id\":\"" + workspace + "\"")
                .replace("\"workspace_region\":\"us\"", "\"workspace_region\":\"" + region + "\"");
        Signed.canvas(body).post("/canvas/initialize").then().statusCode(200);
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({ "EU, EU", "' au ', AU", "us, US" })
    void recordsIntercomsRegionsWhateverTheirCase(String given, Region recorded) {
        initialize(given);
        assertThat(workspaces.knownRegion(workspace)).contains(recorded);
        assertThat(workspaces.resolve(workspace).region()).isEqualTo(recorded);
    }

    @Test
    void answersARequestWithAnUnknownOrOverlongRegionAndKeepsItOutOfTheDatabaseAndTheLog() {
        String overlong = "region-" + "x".repeat(1000);
        try (CapturedLogs logs = CapturedLogs.install()) {
            initialize(overlong);
            initialize("mars");

            // The region the installation recorded stays; neither value reaches the database.
            assertThat(workspaces.knownRegion(workspace)).contains(Region.US);
            assertThat(logs.lines()).noneMatch(line -> line.contains("xxxxxxxx") || line.contains("mars"));
        }
    }

    @Test
    void keepsTheRegionItKnewWhenALaterRequestNamesNone() {
        initialize("eu");
        initialize("");
        assertThat(workspaces.knownRegion(workspace)).contains(Region.EU);
    }
}
