package app.carepanel.platform;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One client account on the care platform, as {@code GET /v1/clients} returns it.
 * Every field but {@code id} may be missing or null; unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Client(
        Long id,
        String firstName,
        String lastName,
        String email,
        String phone,
        String status,
        String timeZone,
        Instant createdAt,
        String profileUrl,
        Organization organization,
        String group,
        List<String> tags,
        List<CareTeamMember> careTeam,
        List<Invoice> invoices,
        Boolean cardOnFile,
        List<Appointment> appointments,
        Boolean intakeFormsCompleted,
        List<LinkedAccount> linkedAccounts) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organization(Long id, String name, String currency) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CareTeamMember(String name, Boolean primary) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Invoice(Long id, String status, java.math.BigDecimal amountDue, String currency) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Appointment(Long id, Instant startsAt, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LinkedAccount(Long clientId, String name, String relationship) {
    }
}
