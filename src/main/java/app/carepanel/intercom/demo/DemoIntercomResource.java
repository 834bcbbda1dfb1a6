package app.carepanel.intercom.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Dev mode only: the part of Intercom's REST API (version 2.16) the app calls, answered from {@link DemoIntercom}
 * under {@code /demo-intercom}, where dev mode's {@code intercom.api-url} points. Every answer carries Intercom's
 * rate-limit headers; a call without the dev token gets Intercom's 401, one over the budget its 429, and
 * refusals come as Intercom's {@code error.list}.
 */
@IfBuildProfile("dev")
@Path("/demo-intercom")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DemoIntercomResource {

    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {
    };
    private static final byte[] BEARER = ("Bearer " + DemoIntercom.TOKEN).getBytes(StandardCharsets.UTF_8);

    private final DemoIntercom intercom;
    private final ObjectMapper json;

    DemoIntercomResource(DemoIntercom intercom, ObjectMapper json) {
        this.intercom = intercom;
        this.json = json;
    }

    @GET
    @Path("/me")
    public Response me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return call(authorization, () -> {
            Map<String, Object> app = new LinkedHashMap<>();
            app.put("type", "app");
            app.put("id_code", DemoIntercom.WORKSPACE_ID);
            app.put("name", "Care Panel dev workspace");
            app.put("region", "US");
            Map<String, Object> admin = new LinkedHashMap<>();
            admin.put("type", "admin");
            admin.put("id", DemoIntercom.ADMIN_ID);
            admin.put("email", DemoIntercom.ADMIN_EMAIL);
            admin.put("name", "Dev Admin");
            admin.put("email_verified", true);
            admin.put("app", app);
            return ok(admin);
        });
    }

    /** Revoking the dev token is acknowledged but changes nothing: dev mode keeps working. */
    @POST
    @Path("/auth/uninstall")
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return call(authorization, () -> ok(Map.of()));
    }

    /** One page of every contact, in the stand-in's order; the cursor is the page's last id (what a backfill walks). */
    @GET
    @Path("/contacts")
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("per_page") @DefaultValue("50") int perPage, @QueryParam("starting_after") String after) {
        return call(authorization, () -> {
            List<DemoContact> all = intercom.contactStore().all();
            int from = 0;
            while (after != null && from < all.size() && !all.get(from).id().equals(after)) {
                from++;
            }
            List<DemoContact> rest = after == null ? all : all.subList(Math.min(from + 1, all.size()), all.size());
            List<DemoContact> page = rest.subList(0, Math.min(Math.max(perPage, 1), rest.size()));
            Map<String, Object> pages = new LinkedHashMap<>();
            pages.put("type", "pages");
            pages.put("per_page", perPage);
            if (page.size() < rest.size()) {
                pages.put("next", Map.of("starting_after", page.get(page.size() - 1).id()));
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("type", "list");
            answer.put("data", page.stream().map(c -> c.toJson(DemoIntercom.WORKSPACE_ID)).toList());
            answer.put("total_count", all.size());
            answer.put("pages", pages);
            return ok(answer);
        });
    }

    @GET
    @Path("/contacts/{id}")
    public Response contact(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return call(authorization, () -> ok(intercom.contactStore().find(id)
                .orElseThrow(DemoContacts::notFound).toJson(DemoIntercom.WORKSPACE_ID)));
    }

    /** Writes {@code custom_attributes}; other fields of the body are not kept by the stand-in. */
    @PUT
    @Path("/contacts/{id}")
    public Response update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            JsonNode body) {
        return call(authorization, () -> {
            JsonNode values = body == null ? null : body.get("custom_attributes");
            if (values != null && !values.isNull() && !values.isObject()) {
                throw DemoRefusal.invalid("custom_attributes must be an object");
            }
            Map<String, Object> written = values == null || values.isNull() ? Map.of() : json.convertValue(values, VALUES);
            return ok(intercom.contactStore().write(id, written, intercom.attributeStore(), intercom.clock().instant())
                    .toJson(DemoIntercom.WORKSPACE_ID));
        });
    }

    /** The stand-in searches one field, {@code email} or {@code id}, with {@code =}; every match on one page. */
    @POST
    @Path("/contacts/search")
    public Response search(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode body) {
        return call(authorization, () -> {
            JsonNode query = body == null ? null : body.get("query");
            String field = query == null ? "" : query.path("field").asText("");
            String operator = query == null ? "" : query.path("operator").asText("");
            String value = query == null ? "" : query.path("value").asText("");
            if (!"=".equals(operator) || !List.of("email", "id").contains(field)) {
                throw DemoRefusal.invalid("the dev-mode stand-in searches only email or id with the = operator");
            }
            List<Map<String, Object>> found = ("email".equals(field) ? intercom.contactStore().withEmail(value)
                    : intercom.contactStore().find(value).stream().toList())
                    .stream().map(c -> c.toJson(DemoIntercom.WORKSPACE_ID)).toList();
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("type", "list");
            page.put("data", found);
            page.put("total_count", found.size());
            page.put("pages", Map.of("type", "pages", "page", 1, "per_page", Math.max(found.size(), 1), "total_pages", 1));
            return ok(page);
        });
    }

    @GET
    @Path("/data_attributes")
    public Response attributes(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("model") String model) {
        return call(authorization, () -> {
            if ("conversation".equals(model)) {
                throw new DemoRefusal(422, "parameter_invalid",
                        "model=conversation is no longer supported. Use GET /conversations/attributes instead");
            }
            List<Map<String, Object>> listed = "company".equals(model) ? List.of()
                    : intercom.attributeStore().all().stream().map(DemoAttributes.Definition::toJson).toList();
            return ok(Map.of("type", "list", "data", listed));
        });
    }

    @POST
    @Path("/data_attributes")
    public Response createAttribute(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode body) {
        return call(authorization, () -> {
            JsonNode given = body == null ? json.createObjectNode() : body;
            return ok(intercom.attributeStore().create(text(given, "name"), text(given, "model"), text(given, "data_type"),
                    text(given, "description"), intercom.clock().instant()).toJson());
        });
    }

    /** A tag taken off a conversation: the stand-in keeps no conversations, so every removal succeeds. */
    @DELETE
    @Path("/conversations/{conversationId}/tags/{tagId}")
    public Response removeTag(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("conversationId") String conversationId, @PathParam("tagId") String tagId) {
        return call(authorization, () -> ok(Map.of("type", "tag", "id", tagId)));
    }

    /** The rate limit first, then the token, then the answer; each answer with the window's headers. */
    private Response call(String authorization, Supplier<Response> answer) {
        DemoRateLimit.Turn turn = intercom.rateLimit().take();
        Response response;
        if (!turn.admitted()) {
            response = error(new DemoRefusal(429, "rate_limit_exceeded",
                    "Exceeded rate limit of " + turn.limit() + " in 10_seconds"));
        } else if (authorization == null
                || !MessageDigest.isEqual(BEARER, authorization.trim().getBytes(StandardCharsets.UTF_8))) {
            response = error(new DemoRefusal(401, "unauthorized", "Access Token Invalid"));
        } else {
            try {
                response = answer.get();
            } catch (DemoRefusal refusal) {
                response = error(refusal);
            }
        }
        return Response.fromResponse(response)
                .header("X-RateLimit-Limit", turn.limit())
                .header("X-RateLimit-Remaining", turn.remaining())
                .header("X-RateLimit-Reset", turn.resetSeconds())
                .build();
    }

    private static Response ok(Object body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response error(DemoRefusal refusal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "error.list");
        body.put("request_id", UUID.randomUUID().toString());
        body.put("errors", List.of(new IntercomError(refusal.code, refusal.getMessage())));
        return Response.status(refusal.status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** One entry of Intercom's {@code error.list}. */
    record IntercomError(String code, String message) {
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
