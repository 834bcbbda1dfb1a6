package app.carepanel.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The platform and Intercom as WireMock servers for a test of the packaged app, knowing contacts
 * {@code <prefix>-1..n} with emails {@code <prefix>1..n@example.com} and no platform account, every attribute
 * existing, and every write accepted.
 */
public final class PackagedAppStubs {

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

    public void stop() {
        platform.stop();
        intercom.stop();
    }
}
