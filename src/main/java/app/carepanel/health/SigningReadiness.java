package app.carepanel.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import app.carepanel.intercom.IntercomConfig;

/** Not ready without INTERCOM_CLIENT_SECRET: every Canvas Kit request and webhook would be refused. */
@Readiness
@ApplicationScoped
class SigningReadiness implements HealthCheck {

    private final boolean configured;

    SigningReadiness(IntercomConfig config) {
        this.configured = config.clientSecret().filter(s -> !s.isBlank()).isPresent();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("intercom-signing")
                .status(configured)
                .withData("clientSecret", configured ? "configured" : "missing: set INTERCOM_CLIENT_SECRET")
                .build();
    }
}
