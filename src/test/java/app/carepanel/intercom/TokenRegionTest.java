package app.carepanel.intercom;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.carepanel.support.IntercomStub;
import app.carepanel.support.NoSyncWorkers;
import app.carepanel.support.PlatformStub;
import app.carepanel.workspace.Region;
import app.carepanel.workspace.TokenWorkspaceFinder;
import app.carepanel.workspace.Workspaces;
import app.carepanel.support.AppTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * Without {@code INTERCOM_API_URL}, a token is only accepted by its own region's host: the app finds the token's
 * workspace by asking the hosts in turn, and then calls that region's host.
 */
@QuarkusTest
@TestProfile(NoSyncWorkers.class)
@QuarkusTestResource(PlatformStub.class)
@QuarkusTestResource(value = IntercomStub.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = IntercomStub.REGIONAL, value = "true"))
class TokenRegionTest extends AppTest {

    @Inject
    AccessTokenOwner tokenOwner;

    @Inject
    IntercomClient client;

    @Inject
    Workspaces workspaces;

    @Test
    void findsAnEuTokensWorkspaceOnTheEuHostAndCallsThatHostAfterwards() {
        intercom.resetAll();
        intercom.stubFor(get("/us/me").willReturn(unauthorized()));
        intercom.stubFor(get("/eu/me").willReturn(okJson("""
                {"type": "admin", "id": "1", "app": {"type": "app", "id_code": "eu-space", "region": "EU"}}
                """)));
        intercom.stubFor(get("/eu/contacts/c-eu").willReturn(okJson("""
                {"type": "contact", "id": "c-eu", "role": "user", "email": "x@example.com"}
                """)));

        TokenWorkspaceFinder.Located owner = tokenOwner.owner();
        IntercomClient.ContactLookup lookup = client.getContact(workspaces.resolve(owner.workspaceId()), "c-eu");

        assertThat(owner).isEqualTo(new TokenWorkspaceFinder.Located("eu-space", Region.EU));
        assertThat(lookup).isInstanceOf(IntercomClient.ContactLookup.Found.class);
        intercom.verify(1, getRequestedFor(urlEqualTo("/us/me")));
        intercom.verify(1, getRequestedFor(urlEqualTo("/eu/me")));
        intercom.verify(0, getRequestedFor(urlEqualTo("/au/me")));
    }
}
