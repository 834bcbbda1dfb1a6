package app.carepanel.profile;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Timeout;

import app.carepanel.platform.Client;
import app.carepanel.platform.PlatformClient;

/**
 * Fetches and formats one email's accounts, or the one client a contact is linked to. The {@code @Timeout} is the total budget of a lookup, retries and
 * backoff of {@link PlatformClient} included, so that a platform that hangs still leaves time to answer the
 * teammate with the last known data. It runs {@code @Asynchronous} so that the caller is released at the
 * deadline even while a blocked HTTP read is still waiting for its own timeout.
 */
@ApplicationScoped
public class ProfileLoader {

    private final PlatformClient platform;
    private final WorkspaceFormats formats;
    private final Clock clock;

    ProfileLoader(PlatformClient platform, WorkspaceFormats formats, Clock clock) {
        this.platform = platform;
        this.formats = formats;
        this.clock = clock;
    }

    @Asynchronous
    @Timeout(2000)
    public CompletionStage<ClientProfile> load(ProfileKey key) {
        List<Client> clients = key.byClientId() ? platform.findClientById(key.clientId()).stream().toList()
                : platform.findClientsByEmail(key.email());
        return CompletableFuture.completedFuture(formats.formatterOf(key.workspaceId()).format(clients, clock.instant()));
    }
}
