package app.carepanel.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Intercom's REST API as a WireMock server on a free port; tests get it through {@link InjectIntercomStub}. A
 * short read timeout keeps the timeout tests quick. With the init argument {@value #RATE_LIMIT_PER_MINUTE} the
 * stub also limits requests as Intercom does ({@link IntercomRateLimit}), which tests get through an
 * {@link InjectIntercomStub} field of that type.
 */
public class IntercomStub implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "test-intercom-token";
    /** Short, for the tests of slow answers; long enough for the first call after start on a loaded machine. */
    public static final long READ_TIMEOUT_MILLIS = 3000;
    public static final String TOKEN_PATH = "/auth/eagle/token";
    /** Intercom's authorization page, where a browser test's admin "clicks Authorize". */
    public static final String AUTHORIZE_PATH = "/oauth";
    public static final String CLIENT_ID = "test-client-id";
    public static final String APP_BASE_URL = "https://care-panel.test";
    /** Init argument: Intercom's limit in requests per minute; without it the stub does not limit. */
    public static final String RATE_LIMIT_PER_MINUTE = "rate-limit-per-minute";
    /**
     * Init argument: with {@code true}, no {@code INTERCOM_API_URL}; the stub serves each region's host under
     * {@code /us}, {@code /eu} and {@code /au} instead, as {@code INTERCOM_REGION_HOSTS_*}.
     */
    public static final String REGIONAL = "regional";

    private WireMockServer server;
    private IntercomRateLimit rateLimit;
    private boolean regional;

    @Override
    public void init(Map<String, String> initArgs) {
        String perMinute = initArgs.get(RATE_LIMIT_PER_MINUTE);
        rateLimit = perMinute == null ? null : new IntercomRateLimit(Integer.parseInt(perMinute));
        regional = Boolean.parseBoolean(initArgs.get(REGIONAL));
    }

    @Override
    public Map<String, String> start() {
        WireMockConfiguration options = options().dynamicPort();
        if (rateLimit != null) {
            options.extensions(rateLimit);
        }
        server = new WireMockServer(options);
        server.start();
        Map<String, String> config = new HashMap<>(Map.of("intercom.access-token", TOKEN,
                "intercom.read-timeout", "PT" + READ_TIMEOUT_MILLIS / 1000 + "S"));
        // Intercom's OAuth: the code exchange goes to the stub; the admin's browser pages are only URLs in tests.
        config.put("intercom.token-url", server.baseUrl() + TOKEN_PATH);
        config.put("intercom.oauth-url", server.baseUrl() + AUTHORIZE_PATH);
        config.put("intercom.client-id", CLIENT_ID);
        config.put("app.base-url", APP_BASE_URL);
        if (regional) {
            config.put("intercom.api-url", "");
            for (String region : new String[] { "us", "eu", "au" }) {
                config.put("intercom.region-hosts." + region, server.baseUrl() + "/" + region);
            }
        } else {
            config.put("intercom.api-url", server.baseUrl());
        }
        return config;
    }

    /** A regional stub starts after the global one, so that its configuration and its injection win. */
    @Override
    public int order() {
        return regional ? 100 : 0;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectIntercomStub.class, WireMockServer.class));
        if (rateLimit != null) {
            injector.injectIntoFields(rateLimit,
                    new TestInjector.AnnotatedAndMatchesType(InjectIntercomStub.class, IntercomRateLimit.class));
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
