package app.carepanel.intercom;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.carepanel.support.IntercomStub;
import app.carepanel.support.PlatformStub;
import app.carepanel.workspace.Region;
import app.carepanel.workspace.TokenWorkspaceFinder;
import app.carepanel.support.AppTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The workspace that {@code INTERCOM_ACCESS_TOKEN} belongs to, from {@code GET /me}. The app remembers the answer
 * for its lifetime, so this test has an app of its own: in the shared one, another test may have asked first.
 */
@QuarkusTest
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(value = IntercomStub.class, restrictToAnnotatedClass = true)
class AccessTokenOwnerTest extends AppTest {

    @Inject
    AccessTokenOwner tokenOwner;

    @Test
    void asksIntercomOnceWhichWorkspaceTheTokenBelongsTo() {
        intercom.resetAll();
        intercom.stubFor(get("/me").willReturn(okJson("""
                {"type": "admin", "id": "991267459", "email": "admin1@example.com",
                 "app": {"type": "app", "id_code": "abc123xy", "name": "Practice", "region": "EU"}}
                """)));

        assertThat(tokenOwner.owner()).isEqualTo(new TokenWorkspaceFinder.Located("abc123xy", Region.EU));
        assertThat(tokenOwner.owner()).isEqualTo(new TokenWorkspaceFinder.Located("abc123xy", Region.EU));

        intercom.verify(1, getRequestedFor(urlEqualTo("/me"))
                .withHeader("Authorization", equalTo("Bearer " + IntercomStub.TOKEN))
                .withHeader("Intercom-Version", equalTo("2.16")));
    }
}
