package app.carepanel.install;

import java.io.IOException;
import java.util.Map;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.carepanel.signing.IntercomSigning;
import app.carepanel.web.BadRequest;
import app.carepanel.web.IntercomIds;

/**
 * Intercom's uninstall URL: {@code {"app_id": "..."}}, signed with {@code X-Body-Signature} like Canvas Kit
 * requests. An unknown or repeated uninstall answers 200 as well, and changes nothing.
 */
@Path("/uninstall")
@Produces(MediaType.APPLICATION_JSON)
public class UninstallResource {

    private final IntercomSigning signing;
    private final Uninstaller uninstaller;
    private final ObjectMapper json;

    UninstallResource(IntercomSigning signing, Uninstaller uninstaller, ObjectMapper json) {
        this.signing = signing;
        this.uninstaller = uninstaller;
        this.json = json;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Uninstall(@JsonProperty("app_id") String appId) {
    }

    @POST
    public Map<String, String> uninstall(byte[] body, @HeaderParam("X-Body-Signature") String signature) {
        signing.verifyBodySignature(body, signature);
        Uninstall request;
        try {
            request = json.readValue(body, Uninstall.class);
        } catch (IOException e) {
            throw new BadRequest("the body is not an uninstall notice in JSON");
        }
        if (request == null) {
            throw new BadRequest("the body is empty");
        }
        String workspaceId = IntercomIds.require(request.appId(), "app_id");
        boolean removed = uninstaller.uninstall(workspaceId);
        return Map.of("status", removed ? "uninstalled" : "not installed", "app_id", workspaceId);
    }
}
