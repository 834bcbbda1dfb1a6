package app.carepanel.backfill;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import app.carepanel.support.CanvasPayloads;
import app.carepanel.support.IntercomFixtures;

/** Intercom's contact listing ({@code GET /contacts}) as pages of users and leads, for the backfill's tests. */
final class BackfillFixtures {

    private BackfillFixtures() {
    }

    /** A contact as the listing gives it; {@code email} null for none. */
    record Contact(String id, String role, String email) {
    }

    static Contact user(String id, String email) {
        return new Contact(id, "user", email);
    }

    static Contact lead(String id, String email) {
        return new Contact(id, "lead", email);
    }

    /**
     * The page asked for with {@code cursor} (null: the first page) lists these contacts and points to {@code next}
     * (null: the last page); {@code total} is Intercom's {@code total_count}.
     */
    static void page(WireMockServer intercom, String cursor, String next, long total, List<Contact> contacts) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (Contact contact : contacts) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", "contact");
            item.put("id", contact.id());
            item.put("role", contact.role());
            item.put("email", contact.email());
            data.add(item);
        }
        Map<String, Object> pages = new LinkedHashMap<>();
        pages.put("type", "pages");
        pages.put("per_page", 50);
        if (next != null) {
            pages.put("next", Map.of("per_page", 50, "starting_after", next));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "list");
        body.put("data", data);
        body.put("total_count", total);
        body.put("pages", pages);
        intercom.stubFor(get(urlPathEqualTo("/contacts"))
                .withQueryParam("starting_after", cursor == null ? absent() : equalTo(cursor))
                .willReturn(IntercomFixtures.json(200, CanvasPayloads.json(body))));
    }

    /** The listings of the page asked for with {@code cursor} (null: the first page), for {@code verify}. */
    static RequestPatternBuilder listingsOf(String cursor) {
        return getRequestedFor(urlPathEqualTo("/contacts"))
                .withQueryParam("starting_after", cursor == null ? absent() : equalTo(cursor));
    }
}
