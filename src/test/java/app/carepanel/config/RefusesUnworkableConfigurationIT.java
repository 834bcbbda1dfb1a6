package app.carepanel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.carepanel.support.PackagedApp;
import app.carepanel.support.Signed;

/** The packaged app refuses to start on settings that cannot work, and says which ones and why. */
class RefusesUnworkableConfigurationIT {

    @Test
    void namesEveryUnworkableSettingAndExits() throws Exception {
        Path db = Files.createTempDirectory("care-panel-config-it").resolve("db");
        String log = PackagedApp.failsToStart(Map.of(
                "INTERCOM_CLIENT_SECRET", Signed.SECRET,
                "SYNC_CHANGES_POLL_INTERVAL", "every quarter",
                "ATTRIBUTES_NAMES", "Name=Client ID",
                "SIDEBAR_DEFAULT_CURRENCY", "dollars",
                "SIDEBAR_PHONE_REGION", "ZZ",
                "INTERCOM_RATE_LIMIT_SHARE", "2",
                "SYNC_LEASE", "1S",
                "SIDEBAR_DISPLAY_ZONE", "Nowhere/Foo",
                "PLATFORM_API_URL", "not a url",
                "DATA_ENCRYPTION_KEY", "c2hvcnQ="), db);

        assertThat(log).contains("The configuration cannot work")
                .contains("'Client ID' and 'Name' would both be written as 'Client ID'")
                .contains("SIDEBAR_DEFAULT_CURRENCY 'dollars' is not an ISO 4217 currency code")
                .contains("SIDEBAR_PHONE_REGION 'ZZ'")
                .contains("INTERCOM_RATE_LIMIT_SHARE must be above 0 and at most 1")
                .contains("SYNC_LEASE must be at least 6 s")
                .contains("SIDEBAR_DISPLAY_ZONE 'Nowhere/Foo' is not an IANA time zone")
                .contains("PLATFORM_API_URL 'not a url'")
                .contains("SYNC_CHANGES_POLL_INTERVAL 'every quarter' is not a duration such as 15m or 1h, nor off")
                .contains("DATA_ENCRYPTION_KEY holds 5 bytes, not 32; make a key with 'openssl rand -base64 32'")
                .doesNotContain("\tat ");
    }

    @Test
    void refusesToStartWithoutADataKeyAndSaysHowToMakeOne() throws Exception {
        Path db = Files.createTempDirectory("care-panel-key-it").resolve("db");
        String log = PackagedApp.failsToStart(Map.of("INTERCOM_CLIENT_SECRET", Signed.SECRET, "DATA_ENCRYPTION_KEY", ""), db);

        assertThat(log).contains("DATA_ENCRYPTION_KEY is not set").contains("openssl rand -base64 32")
                .doesNotContain("\tat ");
    }
}
