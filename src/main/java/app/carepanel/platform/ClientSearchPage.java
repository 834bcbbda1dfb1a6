package app.carepanel.platform;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The body of {@code GET /v1/clients/search?q=}: zero or more matches, best first. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientSearchPage(List<ClientSummary> clients) {

    public List<ClientSummary> clientsOrEmpty() {
        return clients == null ? List.of() : clients;
    }
}
