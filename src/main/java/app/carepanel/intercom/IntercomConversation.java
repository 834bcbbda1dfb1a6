package app.carepanel.intercom;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The part of Intercom's conversation model the app reads: its contacts, the first message's author and
 * reply-to addresses, its tags (and the tags a notification says were just added), and the authors of its parts.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IntercomConversation(String id, Source source, Contacts contacts, Tags tags,
        @JsonProperty("tags_added") Tags tagsAdded, @JsonProperty("conversation_parts") Parts conversationParts) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(@JsonProperty("reply_to") List<Address> replyTo, Author author) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(String email) {
    }

    /** Who wrote a message or applied a tag: {@code type} is user, lead, admin, bot... */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Author(String id, String type, String email) {

        boolean isAdmin() {
            return "admin".equals(type) && id != null && !id.isBlank();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contacts(List<IntercomContact> contacts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tags(List<Tag> tags) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tag(String id, String name, @JsonProperty("applied_by") Author appliedBy) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Parts(@JsonProperty("conversation_parts") List<Part> parts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Part(Author author) {
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

    /** The email of the first message's author when that author is the given contact and the payload names it. */
    public Optional<String> authorEmail(String contactId) {
        if (source == null || source.author() == null || !contactId.equals(source.author().id())) {
            return Optional.empty();
        }
        return Optional.ofNullable(source.author().email()).filter(email -> !email.isBlank());
    }

    /** The tags just added, then the conversation's tags: where a tag notification may name the new tag. */
    public List<Tag> tagsNamed() {
        return Stream.of(tagsAdded, tags).filter(Objects::nonNull).map(Tags::tags).filter(Objects::nonNull)
                .flatMap(List::stream).filter(Objects::nonNull).toList();
    }

    /** The admin who tagged: the author of the latest admin part, else the last admin named as applying a tag. */
    public Optional<String> taggingAdmin() {
        List<Part> parts = conversationParts == null || conversationParts.parts() == null ? List.of() : conversationParts.parts();
        Optional<String> partAuthor = parts.stream().filter(Objects::nonNull).map(Part::author)
                .filter(a -> a != null && a.isAdmin()).map(Author::id).reduce((first, last) -> last);
        if (partAuthor.isPresent()) {
            return partAuthor;
        }
        List<Tag> applied = tags == null || tags.tags() == null ? List.of() : tags.tags();
        return applied.stream().filter(Objects::nonNull).map(Tag::appliedBy).filter(a -> a != null && a.isAdmin())
                .map(Author::id).reduce((first, last) -> last);
    }
}
