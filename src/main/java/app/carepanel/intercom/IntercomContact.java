package app.carepanel.intercom;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of Intercom's contact model the app reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IntercomContact(String id, String email, String role) {

    @Override
    public String toString() {
        return "IntercomContact[id=" + id + ", role=" + role + "]";
    }
}
