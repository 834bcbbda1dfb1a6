package app.carepanel.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The app with its sync workers off: triggers are stored and nothing processes them unless a test does. */
public class NoSyncWorkers implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("sync.workers", "0");
    }
}
