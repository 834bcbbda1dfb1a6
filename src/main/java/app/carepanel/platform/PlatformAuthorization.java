package app.carepanel.platform;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Adds {@code Authorization: Bearer <token>} to platform calls when {@code platform.api-token}
 * ({@code PLATFORM_API_TOKEN}) is set; with no token, no header is sent.
 */
class PlatformAuthorization implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        ConfigProvider.getConfig().getOptionalValue("platform.api-token", String.class)
                .filter(token -> !token.isBlank())
                .ifPresent(token -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.trim()));
    }
}
