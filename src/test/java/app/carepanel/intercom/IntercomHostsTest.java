package app.carepanel.intercom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import app.carepanel.workspace.Workspace;

/** The REST host a workspace's calls go to. */
class IntercomHostsTest {

    /** Intercom's own hosts, the defaults of {@code INTERCOM_REGION_HOSTS_*}. */
    private static final IntercomConfig.RegionHosts INTERCOM = new IntercomConfig.RegionHosts() {
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

    private static URI hostOf(Workspace workspace) {
        return IntercomHosts.baseUri(Optional.empty(), workspace.region(), INTERCOM);
    }

    @Test
    void usesTheHostOfTheWorkspaceRegion() {
        assertThat(hostOf(new Workspace("w", "us"))).isEqualTo(URI.create("https://api.intercom.io"));
        assertThat(hostOf(new Workspace("w", "EU"))).isEqualTo(URI.create("https://api.eu.intercom.io"));
        assertThat(hostOf(new Workspace("w", "au"))).isEqualTo(URI.create("https://api.au.intercom.io"));
    }

    @Test
    void usesTheUsHostForAnUnknownOrMissingRegion() {
        assertThat(hostOf(new Workspace("w", "mars"))).isEqualTo(URI.create("https://api.intercom.io"));
        assertThat(hostOf(new Workspace("w", null))).isEqualTo(URI.create("https://api.intercom.io"));
    }

    @Test
    void overrideWinsOverEveryRegion() {
        assertThat(IntercomHosts.baseUri(Optional.of(" http://localhost:9999 "), "eu", INTERCOM))
                .isEqualTo(URI.create("http://localhost:9999"));
        assertThat(IntercomHosts.baseUri(Optional.of(""), "eu", INTERCOM)).isEqualTo(URI.create("https://api.eu.intercom.io"));
    }
}
