package app.carepanel.install;

import jakarta.enterprise.context.ApplicationScoped;

import app.carepanel.intercom.IntercomException;
import app.carepanel.intercom.OAuthTokens;
import app.carepanel.intercom.TokenOwners;
import app.carepanel.web.IntercomIds;
import io.quarkus.logging.Log;

/**
 * The part of the OAuth callback that installing and signing in share: the code exchanged for a token, and
 * {@code GET /me} asked whose token it is. Each way it can fail is a sentence for the admin.
 */
@ApplicationScoped
class Grants {

    private final OAuthTokens oauth;
    private final TokenOwners owners;

    Grants(OAuthTokens oauth, TokenOwners owners) {
        this.oauth = oauth;
        this.owners = owners;
    }

    sealed interface Grant {
        /** A token and its owner, whose workspace id is one this app can use. */
        record Granted(String token, TokenOwners.Found found) implements Grant {

            String workspaceId() {
                return found.owner().workspaceId();
            }

            boolean emailVerified() {
                return Boolean.TRUE.equals(found.owner().emailVerified());
            }

            /** The admin's id, or null when Intercom answered one this app does not keep. */
            String adminId() {
                String id = found.owner().id();
                return IntercomIds.isValid(id, IntercomIds.MAX_LENGTH) ? id : null;
            }

            @Override
            public String toString() {
                return "Granted[" + found.owner() + "]";
            }
        }

        record Refused(String reason) implements Grant {
        }
    }

    /** {@code what}: "installation" or "sign-in", for the log. */
    Grant redeem(String code, String what) {
        if (code == null || code.isBlank()) {
            Log.infof("A %s was refused: the callback carried no code", what);
            return new Grant.Refused("Intercom sent no authorization code. Start again.");
        }
        String token;
        try {
            token = oauth.exchange(code);
        } catch (IntercomException.Rejected e) {
            Log.infof("A %s was refused: %s", what, e.getMessage());
            return new Grant.Refused("Intercom did not accept the authorization code; it may have expired. Start again.");
        } catch (IntercomException e) {
            Log.warnf("A %s could not finish: %s", what, e.getMessage());
            return new Grant.Refused("Intercom could not be reached. Try again in a few minutes.");
        }
        TokenOwners.Found found;
        try {
            found = owners.of(token);
        } catch (IntercomException e) {
            Log.warnf("A %s could not finish: the token's owner is not known (%s)", what, e.getMessage());
            return new Grant.Refused("Intercom could not say which workspace this is for. Try again in a few minutes.");
        }
        if (!IntercomIds.isValid(found.owner().workspaceId(), IntercomIds.MAX_LENGTH)) {
            return new Grant.Refused("Intercom answered a workspace id this app cannot use. Contact the person who "
                    + "runs Care Panel.");
        }
        return new Grant.Granted(token, found);
    }
}
