package app.carepanel.intercom;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The part of Intercom's conversation model the app reads: its contacts and the source's reply-to addresses. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IntercomConversation(String id, Source source, Contacts contacts) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(@JsonProperty("reply_to") List<Address> replyTo, Author author) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(String email) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Author(String id, String type, String email) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contacts(List<IntercomContact> contacts) {
    }

    /** The Reply-To addresses of the conversation's first message, if it was an email with any. */
    public List<String> replyToEmails() {
        if (source == null || source.replyTo() == null) {
            return List.of();
        }
        return source.replyTo().stream().filter(Objects::nonNull).map(Address::email).filter(Objects::nonNull).toList();
    }

    /** The ids of the conversation's contacts (several in a group conversation). */
    public List<String> contactIds() {
        if (contacts == null || contacts.contacts() == null) {
            return List.of();
        }
        return contacts.contacts().stream().filter(Objects::nonNull).map(IntercomContact::id)
                .filter(Objects::nonNull).distinct().toList();
    }
}
