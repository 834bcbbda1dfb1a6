package app.carepanel.audit;

import java.time.Instant;

/**
 * Which rows of the access audit trail: always one workspace's; optionally one admin's, one contact's; at or after
 * {@code from} and before {@code to} (either null: unbounded). Its values are already checked ids and times.
 */
public record AuditQuery(String workspaceId, String adminId, String contactId, Instant from, Instant to) {

    public AuditQuery {
        if (workspaceId == null) {
            throw new IllegalArgumentException("an audit query is always about one workspace");
        }
    }

    /** The whole trail of the workspace between the two times. */
    public static AuditQuery between(String workspaceId, Instant from, Instant to) {
        return new AuditQuery(workspaceId, null, null, from, to);
    }
}
