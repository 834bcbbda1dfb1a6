package app.carepanel.canvas;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import app.carepanel.signing.IntercomSigning;
import app.carepanel.intercom.IntercomContact;
import app.carepanel.web.BadRequest;
import app.carepanel.web.IntercomIds;

/** Verifies a Canvas Kit request's signature over the raw bytes, then parses it. Nothing is parsed unsigned. */
@ApplicationScoped
class CanvasRequestReader {

    private final IntercomSigning signing;
    private final ObjectMapper json;

    CanvasRequestReader(IntercomSigning signing, ObjectMapper json) {
        this.signing = signing;
        this.json = json;
    }

    CanvasRequest read(byte[] body, String signature) {
        signing.verifyBodySignature(body, signature);
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            throw new BadRequest("the body is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new BadRequest("the body must be a JSON object");
        }
        CanvasRequest request;
        try {
            request = json.treeToValue(tree, CanvasRequest.class);
        } catch (MismatchedInputException e) {
            throw new BadRequest("unexpected value for " + fieldPath(e));
        } catch (JsonProcessingException e) {
            throw new BadRequest("the body is not a Canvas Kit request");
        }
        IntercomIds.require(request.workspaceId(), "workspace_id");
        request.subject().map(IntercomContact::id).ifPresent(id -> IntercomIds.require(id, "the contact's id"));
        if (request.adminId() != null) {
            IntercomIds.require(request.adminId(), "admin.id");
        }
        return request;
    }

    private static String fieldPath(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.length() == 0 ? "a field" : path.toString();
    }
}
