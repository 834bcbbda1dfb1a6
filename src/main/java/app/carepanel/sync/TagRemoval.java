package app.carepanel.sync;

/** The sync tag to take off a conversation once its contact is written; the admin is who Intercom records. */
public record TagRemoval(String conversationId, String tagId, String adminId) {
}
