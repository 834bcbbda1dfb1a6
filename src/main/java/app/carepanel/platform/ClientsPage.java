package app.carepanel.platform;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The body of {@code GET /v1/clients?email=}: zero, one or several accounts. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientsPage(List<Client> clients) {

    public List<Client> clientsOrEmpty() {
        return clients == null ? List.of() : clients;
    }
}
