package app.carepanel.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class EmailScreenTest {

    private final EmailScreen screen = new EmailScreen(List.of("Support@Clinic.example"), List.of("inbox.example"));

    @Test
    void looksUpAnOrdinaryAddressInLowerCase() {
        assertThat(screen.check(" Sami@Example.com ", List.of())).isEqualTo(new EmailCheck.Lookup("sami@example.com"));
    }

    @Test
    void refusesAnAddressWithANoBreakSpaceInside() {
        assertThat(screen.check("sami\u00a0x@example.com", List.of())).isInstanceOf(EmailCheck.Invalid.class);
    }

    @Test
    void refusesAnAddressWithAControlCharacter() {
        assertThat(screen.check("sami\u0000@example.com", List.of())).isInstanceOf(EmailCheck.Invalid.class);
    }

    @Test
    void refusesAnAddressWithoutADottedDomain() {
        assertThat(screen.check("sami@localhost", List.of())).isInstanceOf(EmailCheck.Invalid.class);
    }

    @Test
    void refusesAnAddressOver254Characters() {
        assertThat(screen.check("a".repeat(245) + "@example.com", List.of())).isInstanceOf(EmailCheck.Invalid.class);
    }

    @Test
    void treatsExcludedAddressesAndSubdomainsAsSharedWhateverTheCase() {
        assertThat(screen.check("SUPPORT@clinic.example", List.of())).isInstanceOf(EmailCheck.Shared.class);
        assertThat(screen.check("desk@eu.Inbox.example", List.of())).isInstanceOf(EmailCheck.Shared.class);
        assertThat(screen.check("desk@notinbox.example", List.of())).isInstanceOf(EmailCheck.Lookup.class);
    }

    @Test
    void treatsAConversationReplyingToASharedAddressAsShared() {
        assertThat(screen.check("sami@example.com", List.of("support@clinic.example")))
                .isInstanceOf(EmailCheck.Shared.class);
    }
}
