package app.carepanel.support;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The platform and Intercom as WireMock servers for a test of the packaged app, knowing contacts
 * {@code <prefix>-1..n} with emails {@code <prefix>1..n@example.com} and no platform account, every attribute
 * existing, and every write accepted.
 */
public final class PackagedAppStubs {

    /** The {@code INTERCOM_ACCESS_TOKEN} the packaged app is given. */
    public static final String TOKEN = "it-token";

    public final WireMockServer platform = new WireMockServer(options().dynamicPort());
    public final WireMockServer intercom = new WireMockServer(options().dynamicPort());

    private PackagedAppStubs() {
    }

    public static PackagedAppStubs withContacts(String prefix, int count) {
        PackagedAppStubs stubs = new PackagedAppStubs();
        stubs.platform.start();
        stubs.intercom.start();
        for (int i = 1; i <= count; i++) {
            PlatformFixtures.answer(stubs.platform, prefix + i + "@example.com");
            IntercomFixtures.contactExists(stubs.intercom, prefix + "-" + i, prefix + i + "@example.com");
        }
        IntercomFixtures.attributesExist(stubs.intercom, IntercomFixtures.ALL_ATTRIBUTES);
        IntercomFixtures.writesSucceed(stubs.intercom);
        return stubs;
    }

    /** {@code GET /me} says that {@code INTERCOM_ACCESS_TOKEN} ({@value #TOKEN}) belongs to this workspace. */
    public PackagedAppStubs tokenOwnedBy(String workspaceId) {
        intercom.stubFor(get("/me").withHeader("Authorization", equalTo("Bearer " + TOKEN)).willReturn(okJson(
                "{\"type\": \"admin\", \"id\": \"1\", \"app\": {\"type\": \"app\", \"id_code\": \""
                        + workspaceId + "\", \"region\": \"US\"}}")));
        return this;
    }

    public void stop() {
        platform.stop();
        intercom.stop();
    }
}
