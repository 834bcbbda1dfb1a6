package app.carepanel.link;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import app.carepanel.platform.ClientSummary;
import app.carepanel.platform.PlatformClient;
import app.carepanel.platform.PlatformException;
import app.carepanel.platform.PlatformThrottled;
import io.quarkus.logging.Log;

/**
 * A teammate's search for a client by hand: the query checked (2 to 100 characters, no control characters), then
 * the platform asked for the best ten matches. Every outcome is a value, never an exception; the query itself is
 * never logged (it may be a name).
 */
@ApplicationScoped
public class ClientSearch {

    public static final int SHORTEST = 2;
    public static final int LONGEST = 100;
    public static final int MOST_RESULTS = 10;

    /** How a search went. */
    public sealed interface Outcome {
    }

    /** The query cannot be sent; {@code reason} says why, in plain words. */
    public record Invalid(String reason) implements Outcome {
    }

    /** Matches, best first (possibly none). */
    public record Found(List<ClientSummary> clients) implements Outcome {
    }

    /** The platform asked for a pause (429). */
    public record Throttled() implements Outcome {
    }

    /** The platform failed or did not answer in time. */
    public record Failed() implements Outcome {
    }

    private final PlatformClient platform;

    ClientSearch(PlatformClient platform) {
        this.platform = platform;
    }

    /** The query's problem in plain words, or null when it may be sent. */
    public static String problemOf(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return "Type a name, phone number, client id or email to search for.";
        }
        if (q.codePoints().anyMatch(Character::isISOControl)) {
            return "The search cannot contain line breaks or other control characters.";
        }
        if (q.codePointCount(0, q.length()) < SHORTEST) {
            return "Type at least " + SHORTEST + " characters to search for.";
        }
        if (q.codePointCount(0, q.length()) > LONGEST) {
            return "Type at most " + LONGEST + " characters to search for.";
        }
        return null;
    }

    public Outcome search(String workspaceId, String query) {
        String problem = problemOf(query);
        if (problem != null) {
            return new Invalid(problem);
        }
        try {
            return new Found(ask(query.strip()).stream().filter(c -> c.id() != null).limit(MOST_RESULTS).toList());
        } catch (PlatformThrottled e) {
            Log.infof("Client search in workspace %s: the platform asked for a pause", workspaceId);
            return new Throttled();
        } catch (PlatformException | FaultToleranceException e) {
            Log.warnf("Client search in workspace %s failed: %s", workspaceId,
                    e instanceof PlatformException ? e.getMessage() : e.getClass().getSimpleName());
            return new Failed();
        }
    }

    /** The platform's matches; the whole search, retries included, within two seconds. */
    @Timeout(2000)
    List<ClientSummary> ask(String query) {
        return platform.searchClients(query, MOST_RESULTS);
    }
}
