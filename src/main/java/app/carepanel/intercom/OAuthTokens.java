package app.carepanel.intercom;

import java.io.IOException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import app.carepanel.base.Causes;

/**
 * Exchanges the code of an installation for the workspace's token ({@code POST INTERCOM_TOKEN_URL} with
 * {@code code}, {@code client_id} and {@code client_secret}). The code is sent exactly as Intercom gave it: a
 * trailing {@code =} is part of it.
 */
@ApplicationScoped
public class OAuthTokens {

    private final IntercomConfig config;
    private final OAuthRestClient client;

    OAuthTokens(IntercomConfig config) {
        this.config = config;
        this.client = IntercomCalls.restClient(config.tokenUrl(), config, OAuthRestClient.class);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenAnswer(String token, @JsonProperty("access_token") String accessToken) {

        String either() {
            String value = token != null && !token.isBlank() ? token : accessToken;
            return value == null || value.isBlank() ? null : value.trim();
        }

        @Override
        public String toString() {
            return "TokenAnswer[<redacted>]";
        }
    }

    /**
     * The token for the code. {@link IntercomException.Rejected} when Intercom refuses the code (expired, used,
     * not this app's), {@link IntercomException.Unavailable} when it cannot be asked or answers no token.
     */
    public String exchange(String code) {
        String what = "OAuth code exchange";
        Form form = new Form()
                .param("code", code)
                .param("client_id", config.clientId().orElse(""))
                .param("client_secret", config.clientSecret().orElse(""));
        try (Response response = client.exchange(form)) {
            int status = response.getStatus();
            if (status >= 500) {
                throw new IntercomException.Unavailable(what + " answered HTTP " + status);
            }
            if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                throw new IntercomException.Rejected(what + " answered HTTP " + status, status);
            }
            String token = IntercomCalls.read(response, TokenAnswer.class, what).either();
            if (token == null) {
                throw new IntercomException.Unavailable(what + " answered no token");
            }
            return token;
        } catch (ProcessingException | IllegalStateException e) {
            throw new IntercomException.Unavailable(what + " failed: " + Causes.rootName(e));
        }
    }

    @PreDestroy
    void close() {
        try {
            client.close();
        } catch (IOException e) {
            // Nothing is left to do with a client that will not close.
        }
    }
}
