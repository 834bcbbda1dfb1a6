package app.carepanel.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class AttributeNamesTest {

    @Test
    void usesTheLabelsOfTheRuleBookByDefault() {
        assertThat(new AttributeNames(Optional.empty()).of(Attribute.CLIENT_ID)).isEqualTo("Client ID");
    }

    @Test
    void renamesTheAttributesItIsGiven() {
        AttributeNames names = new AttributeNames(Optional.of("Client ID=Platform Client ID; Name = Client Name"));
        assertThat(names.of(Attribute.CLIENT_ID)).isEqualTo("Platform Client ID");
        assertThat(names.of(Attribute.NAME)).isEqualTo("Client Name");
        assertThat(names.of(Attribute.GROUP)).isEqualTo("Group");
    }

    @Test
    void refusesTwoAttributesUnderOneName() {
        assertThatThrownBy(() -> new AttributeNames(Optional.of("Name=Client ID")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Client ID' and 'Name' would both be written as 'Client ID'");
    }

    @Test
    void refusesANameThatDiffersFromAnotherOnlyInCase() {
        assertThatThrownBy(() -> new AttributeNames(Optional.of("Name=client id")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("would both be written");
    }

    @Test
    void refusesTheNameOfATypedCompanion() {
        assertThatThrownBy(() -> new AttributeNames(Optional.of("Next Appointment=next_appointment_at")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("typed companion");
    }

    @Test
    void refusesAnUnknownAttribute() {
        assertThatThrownBy(() -> new AttributeNames(Optional.of("Insurance=Plan")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Insurance' is not an attribute");
    }
}
