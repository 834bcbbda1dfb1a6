package app.carepanel.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.CanvasView;
import app.carepanel.support.PlatformFixtures;
import app.carepanel.support.NoSyncWorkers;
import app.carepanel.support.PlatformStub;
import app.carepanel.support.Signed;
import app.carepanel.support.AppTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** What the panel shows for clients that exist, and how it gets and refreshes the data. */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@TestProfile(NoSyncWorkers.class)
class PanelContentTest extends AppTest {

    @BeforeEach
    void blankState() {
        PlatformFixtures.answer(platform, "sami@example.com", PlatformFixtures.SAMI);
        PlatformFixtures.answer(platform, "jordan@example.com", PlatformFixtures.JORDAN_SECOND, PlatformFixtures.JORDAN_FIRST);
    }

    private static CanvasView initialize(String email) {
        return CanvasView.initializeResponse(Signed.canvas(CanvasPayloads.initialize("c-1", email))
                .post("/canvas/initialize").then().statusCode(200).extract().asString());
    }

    private static CanvasView submit(String email, String component, String storedView) {
        return CanvasView.submitResponse(Signed.canvas(CanvasPayloads.submit("c-1", email, component, storedView))
                .post("/canvas/submit").then().statusCode(200).extract().asString());
    }

    @Test
    void firstCanvasShowsNameStatusAndMostUsefulFields() {
        CanvasView canvas = initialize("sami@example.com");

        assertThat(canvas.texts("header")).containsExactly("Sami Ruhsuf");
        assertThat(canvas.texts("muted").get(0)).isEqualTo("Active · Client ID 4719854 · Ruh Care Inc");
        assertThat(canvas.field("Therapist Name")).isEqualTo("Dr. Sarah Johnson, Dr. Michael Chen");
        assertThat(canvas.field("Next Appointment")).isEqualTo("Dec 22, 2099 - 2:00 p.m. EST");
        assertThat(canvas.field("Number of Sessions")).isEqualTo("2 sessions (1 late cancellation)");
        assertThat(canvas.field("Unpaid Invoices")).isEqualTo("Yes, CAD$150 due");
        assertThat(canvas.field("Linked Accounts")).isEqualTo("Jane Smith (Spouse), Tommy Smith (Child)");
        assertThat(canvas.linkUrl("open-profile-4719854")).contains("https://app.ruhcare.com/users/4719854/overview");
        assertThat(canvas.buttonIds()).containsExactly("open-profile-4719854", "show-all", "refresh");
        assertThat(canvas.texts("muted").get(canvas.texts("muted").size() - 1)).matches(
                "Updated [A-Z][a-z]{2} \\d{1,2}, \\d{4} - \\d{1,2}:\\d{2} [ap]\\.m\\. E[SD]T");
        assertThat(canvas.storedView()).isEqualTo("summary");
    }

    @Test
    void firstCanvasHasNoPrimaryButton() {
        assertThat(initialize("sami@example.com").buttonStyles()).doesNotContain("primary");
    }

    @Test
    void showAllExpandsToEveryFieldAndShowLessFoldsBack() {
        CanvasView all = submit("sami@example.com", "show-all", "summary");

        assertThat(all.storedView()).isEqualTo("all");
        assertThat(all.field("Client ID")).isEqualTo("4719854");
        assertThat(all.field("Phone Number")).isEqualTo("+14165550123");
        assertThat(all.field("Time Zone")).matches("America/Toronto \\(E[SD]T\\)");
        assertThat(all.field("Client Since")).isEqualTo("Oct 22, 2024 - 11:00 a.m. EDT");
        assertThat(all.field("Tags")).isEqualTo("SuperBill, Premium, Therapy");
        assertThat(all.field("Group")).isEqualTo("Active Therapy Clients");
        assertThat(all.field("Card on File")).isEqualTo("Yes");
        assertThat(all.field("Last Appointment")).isEqualTo("Dec 15, 2025 - 2:00 p.m. EST");
        assertThat(all.field("Intake Forms Completed")).isEqualTo("Yes");
        assertThat(all.field("Sub Org")).isEqualTo("Ruh Care Inc");
        assertThat(all.allText()).noneMatch(t -> t.contains("not shown"));
        assertThat(all.buttonIds()).contains("show-summary");

        CanvasView summary = submit("sami@example.com", "show-summary", "all");
        assertThat(summary.storedView()).isEqualTo("summary");
        assertThat(summary.buttonIds()).contains("show-all");
    }

    @Test
    void showsEveryAccountOfOneEmailOrderedByClientId() {
        CanvasView canvas = initialize("jordan@example.com");

        assertThat(canvas.texts("muted").get(0)).isEqualTo("This email matches 2 platform accounts.");
        assertThat(canvas.tableCount()).isEqualTo(2);
        assertThat(canvas.texts("muted")).contains("Archived · Client ID 131446 · Ruh Care Inc",
                "Active · Client ID 131447 · Ruh Corp");
        assertThat(canvas.texts("muted").indexOf("Archived · Client ID 131446 · Ruh Care Inc"))
                .isLessThan(canvas.texts("muted").indexOf("Active · Client ID 131447 · Ruh Corp"));
        assertThat(canvas.field(0, "Unpaid Invoices")).isEqualTo("No");
        assertThat(canvas.field(1, "Unpaid Invoices")).isEqualTo("Yes, USD$1,250.50 due");
    }

    @Test
    void showsSeveralAccountsShorterOnTheFirstCanvasAndWholeOnShowAll() {
        CanvasView first = initialize("jordan@example.com");
        assertThat(first.fields(0)).containsExactly("Therapist Name", "Next Appointment", "Unpaid Invoices");
        assertThat(first.fields(1)).containsExactly("Therapist Name", "Next Appointment", "Unpaid Invoices");

        CanvasView all = submit("jordan@example.com", "show-all", "summary");
        assertThat(all.fields(1)).contains("Number of Sessions", "Linked Accounts", "Client Since").hasSizeGreaterThan(15);
    }

    @Test
    void keepsEveryCanvasInsideIntercomsSizeLimitForManyLargeAccounts() {
        String tags = IntStream.range(0, 200).mapToObj(i -> "\"a rather long tag number " + i + " of this client\"")
                .collect(Collectors.joining(","));
        String team = IntStream.range(0, 100).mapToObj(i -> "{\"name\": \"Dr. Therapist Number " + i + "\"}")
                .collect(Collectors.joining(","));
        String linked = IntStream.range(0, 100).mapToObj(i -> "{\"name\": \"Relative " + i + "\", \"relationship\": \"Cousin\"}")
                .collect(Collectors.joining(","));
        String longText = "x".repeat(3000);
        String[] accounts = IntStream.rangeClosed(1, 10).mapToObj(id -> """
                {"id": %d, "firstName": "%s", "lastName": "Family", "status": "active", "group": "%s",
                 "organization": {"name": "%s"}, "tags": [%s], "careTeam": [%s], "linkedAccounts": [%s]}
                """.formatted(id, longText, longText, longText, tags, team, linked)).toArray(String[]::new);
        PlatformFixtures.answer(platform, "big@example.com", accounts);

        String body = Signed.canvas(CanvasPayloads.submit("c-1", "big@example.com", "show-all", "summary"))
                .post("/canvas/submit").then().statusCode(200).extract().asString();
        CanvasView all = CanvasView.submitResponse(body);

        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThan(64 * 1024);
        assertThat(all.field(0, "Tags")).hasSize(1000).endsWith("…").startsWith("a rather long tag number 0");
        assertThat(all.tableCount()).isBetween(1L, 9L);
        assertThat(all.texts("muted")).contains("This email matches 10 platform accounts.")
                .anySatisfy(t -> assertThat(t).isEqualTo((10 - all.tableCount())
                        + " more accounts are not shown here; the contact's attributes list them all."));
    }

    @Test
    void cutsValuesShorterWhenOneAccountWouldNotFitAtTheUsualLength() {
        // Control characters take six bytes each once escaped in the canvas JSON.
        String wide = ("x" + "\\u0001".repeat(19)).repeat(150);
        PlatformFixtures.answer(platform, "wide@example.com", """
                {"id": 1, "firstName": "%1$s", "lastName": "%1$s", "phone": "%1$s", "status": "active", "group": "%1$s",
                 "timeZone": "%1$s", "profileUrl": "%1$s", "organization": {"name": "%1$s"},
                 "tags": ["%1$s"], "careTeam": [{"name": "%1$s"}], "linkedAccounts": [{"name": "%1$s", "relationship": "%1$s"}]}
                """.formatted(wide));

        String body = Signed.canvas(CanvasPayloads.submit("c-1", "wide@example.com", "show-all", "summary"))
                .post("/canvas/submit").then().statusCode(200).extract().asString();
        CanvasView all = CanvasView.submitResponse(body);

        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThan(64 * 1024);
        assertThat(all.tableCount()).isEqualTo(1);
        assertThat(all.field("Tags")).hasSize(250).endsWith("…");
    }

    @Test
    void reusesRecentLookupOnAnotherView() {
        initialize("sami@example.com");
        initialize("sami@example.com");
        platform.verify(1, PlatformFixtures.lookupsOf("sami@example.com"));
    }

    @Test
    void refreshAsksThePlatformAgainAndKeepsTheView() {
        initialize("sami@example.com");
        PlatformFixtures.answer(platform, "sami@example.com",
                PlatformFixtures.SAMI.replace("\"cardOnFile\": true", "\"cardOnFile\": false"));

        CanvasView refreshed = submit("sami@example.com", "refresh", "all");

        platform.verify(2, PlatformFixtures.lookupsOf("sami@example.com"));
        assertThat(refreshed.storedView()).isEqualTo("all");
        assertThat(refreshed.field("Card on File")).isEqualTo("No");
    }

    @Test
    void concurrentViewsOfOneEmailShareOnePlatformCall() throws Exception {
        platform.stubFor(PlatformFixtures.lookupOf("sami@example.com")
                .willReturn(PlatformFixtures.json(PlatformFixtures.clients(PlatformFixtures.SAMI)).withFixedDelay(400)));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<CanvasView>> views = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                views.add(pool.submit(() -> initialize("sami@example.com")));
            }
            for (Future<CanvasView> view : views) {
                assertThat(view.get().texts("header")).containsExactly("Sami Ruhsuf");
            }
        } finally {
            pool.shutdownNow();
        }
        platform.verify(1, PlatformFixtures.lookupsOf("sami@example.com"));
    }

    @Test
    void looksUpTheEmailTrimmedAndInLowerCase() {
        CanvasView canvas = initialize("  Sami@Example.COM ");
        assertThat(canvas.texts("header")).containsExactly("Sami Ruhsuf");
    }

    @Test
    void sendsThePlatformTokenAsBearer() {
        initialize("sami@example.com");
        platform.verify(PlatformFixtures.lookupsOf("sami@example.com")
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + PlatformStub.TOKEN)));
    }

    @Test
    void toleratesClientWithOnlyRequiredFields() {
        PlatformFixtures.answer(platform, "bare@example.com",
                "{\"id\": 77, \"email\": \"bare@example.com\", \"status\": \"active\", \"createdAt\": \"2025-01-05T12:00:00Z\"}");
        CanvasView canvas = initialize("bare@example.com");
        assertThat(canvas.texts("header")).containsExactly("Client 77");
        assertThat(canvas.field("Therapist Name")).isEqualTo("-");
        assertThat(canvas.field("Next Appointment")).isEqualTo("No Appointments");
        assertThat(canvas.field("Number of Sessions")).isEqualTo("0 sessions");
        assertThat(canvas.field("Unpaid Invoices")).isEqualTo("No");
    }
}
