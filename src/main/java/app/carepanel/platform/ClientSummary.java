package app.carepanel.platform;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One match of {@code GET /v1/clients/search}: enough to tell clients apart, no more. Every field but {@code id}
 * and {@code status} may be missing or null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientSummary(Long id, String firstName, String lastName, String email, String phone, String status,
        Client.Organization organization) {

    /** {@code firstName lastName}, trimmed; empty when the platform gives neither. */
    public String name() {
        String first = firstName == null ? "" : firstName.trim();
        String last = lastName == null ? "" : lastName.trim();
        return (first + " " + last).trim();
    }
}
