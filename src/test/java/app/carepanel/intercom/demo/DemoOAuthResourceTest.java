package app.carepanel.intercom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** The stand-in Intercom's OAuth, without Quarkus: where it may send a code, and what a code buys. */
class DemoOAuthResourceTest {

    private final DemoOAuthResource oauth = new DemoOAuthResource("http://localhost:8080/");

    @Test
    void refusesToSendACodeAnywhereButThisAppsOwnCallback() {
        try (Response foreign = oauth.authorize("state-1", "https://elsewhere.example/install/callback");
                Response stateless = oauth.authorize(null, "http://localhost:8080/install/callback")) {
            assertThat(foreign.getStatus()).isEqualTo(400);
            assertThat(stateless.getStatus()).isEqualTo(400);
        }
    }

    @Test
    void tradesOnlyItsOwnCodeForTheStandInsToken() {
        try (Response good = oauth.token(DemoOAuthResource.CODE); Response bad = oauth.token("someone-elses-code")) {
            assertThat(good.getStatus()).isEqualTo(200);
            assertThat(((Map<?, ?>) good.getEntity()).get("token")).isEqualTo(DemoIntercom.TOKEN);
            assertThat(bad.getStatus()).isEqualTo(400);
        }
    }
}
