package app.carepanel.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which region a request names, and which REST host serves each region. */
class RegionHostsTest {

    private static WorkspaceConfig config(String apiUrl) {
        return new WorkspaceConfig() {
            public Optional<String> accessToken() {
                return Optional.empty();
            }

            public Optional<String> apiUrl() {
                return Optional.ofNullable(apiUrl);
            }

            public RegionHosts regionHosts() {
                return new RegionHosts() {
                    public URI us() {
                        return URI.create("https://api.intercom.io");
                    }

                    public URI eu() {
                        return URI.create("https://api.eu.intercom.io");
                    }

                    public URI au() {
                        return URI.create("https://api.au.intercom.io");
                    }
                };
            }
        };
    }

    @ParameterizedTest(name = "{0} is served by {1}")
    @CsvSource({
            "us, https://api.intercom.io",
            "EU, https://api.eu.intercom.io",
            "' au ', https://api.au.intercom.io",
    })
    void sendsEachRegionToItsOwnHost(String region, String host) {
        assertThat(config(null).apiHost(Region.parse(region).orElseThrow())).isEqualTo(URI.create(host));
    }

    @ParameterizedTest(name = "''{0}'' is no region")
    @NullSource
    @ValueSource(strings = { "", "mars", "usa", "e u", "us-east-1" })
    void knowsOnlyIntercomsRegions(String region) {
        assertThat(Region.parse(region)).isEmpty();
    }

    @ParameterizedTest(name = "INTERCOM_API_URL ''{0}''")
    @CsvSource({
            "' http://localhost:9999 ', http://localhost:9999",
            "'', https://api.eu.intercom.io",
    })
    void overrideWinsOverEveryRegionWhenSet(String apiUrl, String host) {
        assertThat(config(apiUrl).apiHost(Region.EU)).isEqualTo(URI.create(host));
    }
}
