package app.carepanel.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The formats of ATTRIBUTES.md ("Formats" section and the Time Zone / Phone Number rules). */
class ValueFormatsTest {

    private final ValueFormats toronto = new ValueFormats(FormatSettings.defaults());
    private final ValueFormats vancouver = new ValueFormats(
            new FormatSettings(ZoneId.of("America/Vancouver"), "CAD", "CA", Optional.empty()));

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Nested
    class DateAndTime {

        @Test
        void defaultDisplayZoneIsAmericaToronto() {
            assertThat(FormatSettings.defaults().displayZone()).isEqualTo(ZoneId.of("America/Toronto"));
        }

        @Test
        void showsTheSpecExampleInSummerAsEdt() {
            assertThat(toronto.dateTime(at("2025-10-22T15:00:00Z"))).isEqualTo("Oct 22, 2025 - 11:00 a.m. EDT");
        }

        @Test
        void showsTheSpecExampleInWinterAsEst() {
            assertThat(toronto.dateTime(at("2025-12-16T06:10:00Z"))).isEqualTo("Dec 16, 2025 - 1:10 a.m. EST");
        }

        @Test
        void showsNoonAsTwelvePm() {
            assertThat(toronto.dateTime(at("2025-12-15T17:00:00Z"))).isEqualTo("Dec 15, 2025 - 12:00 p.m. EST");
        }

        @Test
        void showsMidnightAsTwelveAm() {
            assertThat(toronto.dateTime(at("2025-12-16T05:00:00Z"))).isEqualTo("Dec 16, 2025 - 12:00 a.m. EST");
        }

        @Test
        void showsTheMinuteBeforeMidnightAsElevenFiftyNinePmOfThePreviousLocalDay() {
            assertThat(toronto.dateTime(at("2025-07-02T03:59:00Z"))).isEqualTo("Jul 1, 2025 - 11:59 p.m. EDT");
        }

        @Test
        void showsTheMinuteBeforeNoonAsAm() {
            assertThat(toronto.dateTime(at("2025-07-01T15:59:00Z"))).isEqualTo("Jul 1, 2025 - 11:59 a.m. EDT");
        }

        @Test
        void showsTheHourAfterNoonAsOnePm() {
            assertThat(toronto.dateTime(at("2025-07-01T17:05:00Z"))).isEqualTo("Jul 1, 2025 - 1:05 p.m. EDT");
        }

        @Test
        void usesEnglishThreeLetterMonthAndUnpaddedDay() {
            assertThat(toronto.dateTime(at("2025-09-05T14:30:00Z"))).isEqualTo("Sep 5, 2025 - 10:30 a.m. EDT");
        }

        @Test
        void showsEstOnTheLastMinuteBeforeSpringForward() {
            assertThat(toronto.dateTime(at("2025-03-09T06:59:00Z"))).isEqualTo("Mar 9, 2025 - 1:59 a.m. EST");
        }

        @Test
        void showsEdtOnTheFirstMinuteAfterSpringForward() {
            assertThat(toronto.dateTime(at("2025-03-09T07:00:00Z"))).isEqualTo("Mar 9, 2025 - 3:00 a.m. EDT");
        }

        @Test
        void showsEdtOnTheLastMinuteBeforeFallBack() {
            assertThat(toronto.dateTime(at("2025-11-02T05:59:00Z"))).isEqualTo("Nov 2, 2025 - 1:59 a.m. EDT");
        }

        @Test
        void showsEstOnTheFirstMinuteAfterFallBack() {
            assertThat(toronto.dateTime(at("2025-11-02T06:00:00Z"))).isEqualTo("Nov 2, 2025 - 1:00 a.m. EST");
        }

        @Test
        void showsTheRepeatedFallBackHourFirstAsEdtThenAsEst() {
            assertThat(toronto.dateTime(at("2025-11-02T05:30:00Z"))).isEqualTo("Nov 2, 2025 - 1:30 a.m. EDT");
            assertThat(toronto.dateTime(at("2025-11-02T06:30:00Z"))).isEqualTo("Nov 2, 2025 - 1:30 a.m. EST");
        }

        @Test
        void convertsToAConfiguredOtherDisplayZoneInSummer() {
            assertThat(vancouver.dateTime(at("2025-10-22T15:00:00Z"))).isEqualTo("Oct 22, 2025 - 8:00 a.m. PDT");
        }

        @Test
        void convertsToAConfiguredOtherDisplayZoneInWinterAcrossTheDateLine() {
            assertThat(vancouver.dateTime(at("2025-12-16T06:10:00Z"))).isEqualTo("Dec 15, 2025 - 10:10 p.m. PST");
        }

        @Test
        void followsTheConfiguredZonesOwnSpringForward() {
            assertThat(vancouver.dateTime(at("2025-03-09T09:59:00Z"))).isEqualTo("Mar 9, 2025 - 1:59 a.m. PST");
            assertThat(vancouver.dateTime(at("2025-03-09T10:00:00Z"))).isEqualTo("Mar 9, 2025 - 3:00 a.m. PDT");
        }

        @Test
        void followsTheConfiguredZonesOwnFallBack() {
            assertThat(vancouver.dateTime(at("2025-11-02T08:59:00Z"))).isEqualTo("Nov 2, 2025 - 1:59 a.m. PDT");
            assertThat(vancouver.dateTime(at("2025-11-02T09:00:00Z"))).isEqualTo("Nov 2, 2025 - 1:00 a.m. PST");
        }
    }

    @Nested
    class TimeZoneWithAbbreviation {

        @Test
        void showsEstWhenFetchedInWinter() {
            assertThat(toronto.zoneWithAbbreviation("America/Toronto", at("2025-12-16T06:10:00Z")))
                    .isEqualTo("America/Toronto (EST)");
        }

        @Test
        void showsEdtWhenFetchedInSummer() {
            assertThat(toronto.zoneWithAbbreviation("America/Toronto", at("2025-07-15T16:00:00Z")))
                    .isEqualTo("America/Toronto (EDT)");
        }

        @Test
        void switchesToEdtExactlyAtSpringForward() {
            assertThat(toronto.zoneWithAbbreviation("America/Toronto", at("2025-03-09T06:59:00Z")))
                    .isEqualTo("America/Toronto (EST)");
            assertThat(toronto.zoneWithAbbreviation("America/Toronto", at("2025-03-09T07:00:00Z")))
                    .isEqualTo("America/Toronto (EDT)");
        }

        @Test
        void switchesToEstExactlyAtFallBack() {
            assertThat(toronto.zoneWithAbbreviation("America/Toronto", at("2025-11-02T05:59:00Z")))
                    .isEqualTo("America/Toronto (EDT)");
            assertThat(toronto.zoneWithAbbreviation("America/Toronto", at("2025-11-02T06:00:00Z")))
                    .isEqualTo("America/Toronto (EST)");
        }

        @Test
        void usesTheClientsZoneNotTheDisplayZone() {
            assertThat(toronto.zoneWithAbbreviation("America/Vancouver", at("2025-12-16T06:10:00Z")))
                    .isEqualTo("America/Vancouver (PST)");
            assertThat(vancouver.zoneWithAbbreviation("America/Toronto", at("2025-07-15T16:00:00Z")))
                    .isEqualTo("America/Toronto (EDT)");
        }

        @Test
        void showsAnUnknownZoneIdAsGiven() {
            assertThat(toronto.zoneWithAbbreviation("Mars/Olympus_Mons", at("2025-12-16T06:10:00Z")))
                    .isEqualTo("Mars/Olympus_Mons");
        }

        @Test
        void readsAZoneIdWrittenInTheWrongCase() {
            assertThat(toronto.zoneWithAbbreviation("america/toronto", at("2025-12-16T06:10:00Z")))
                    .isEqualTo("America/Toronto (EST)");
        }

        @Test
        void showsAMalformedZoneIdAsGiven() {
            assertThat(toronto.zoneWithAbbreviation("Eastern Time", at("2025-12-16T06:10:00Z")))
                    .isEqualTo("Eastern Time");
        }
    }

    @Nested
    class Money {

        private String money(String currency, String amount) {
            return toronto.money(Map.of(currency, new BigDecimal(amount)));
        }

        @Test
        void showsAWholeCadAmountWithoutDecimals() {
            assertThat(money("CAD", "150")).isEqualTo("CAD$150");
        }

        @Test
        void dropsZeroCentsOfAWholeAmount() {
            assertThat(money("CAD", "150.00")).isEqualTo("CAD$150");
        }

        @Test
        void showsUsdWithThousandsSeparatorAndTwoDecimals() {
            assertThat(money("USD", "1250.50")).isEqualTo("USD$1,250.50");
        }

        @Test
        void padsOneDecimalToTwo() {
            assertThat(money("USD", "1250.5")).isEqualTo("USD$1,250.50");
        }

        @Test
        void showsEuroWithItsSymbol() {
            assertThat(money("EUR", "80")).isEqualTo("EUR€80");
        }

        @Test
        void showsPoundsWithThePoundSign() {
            assertThat(money("GBP", "12.50")).isEqualTo("GBP£12.50");
        }

        @Test
        void showsOnlyTheIsoCodeWhenTheSymbolIsAllLetters() {
            assertThat(money("CHF", "1250.50")).isEqualTo("CHF1,250.50");
        }

        @Test
        void groupsMillionsByThousands() {
            assertThat(money("CAD", "1234567.89")).isEqualTo("CAD$1,234,567.89");
            assertThat(money("CAD", "1000000")).isEqualTo("CAD$1,000,000");
        }

        @Test
        void showsCentsBelowOne() {
            assertThat(money("CAD", "0.90")).isEqualTo("CAD$0.90");
        }

        @Test
        void joinsSeveralCurrenciesWithPlusInTheGivenOrder() {
            Map<String, BigDecimal> amounts = new LinkedHashMap<>();
            amounts.put("CAD", new BigDecimal("150.00"));
            amounts.put("USD", new BigDecimal("20.00"));
            assertThat(toronto.money(amounts)).isEqualTo("CAD$150 + USD$20");
        }
    }

    @Nested
    class Phone {

        @Test
        void formatsANorthAmericanNumberAsE164WithTheDefaultRegionCanada() {
            assertThat(toronto.phone("(416) 555-0123")).isEqualTo("+14165550123");
        }

        @Test
        void formatsANorthAmericanNumberWithDashesAsE164() {
            assertThat(toronto.phone("416-555-0123")).isEqualTo("+14165550123");
        }

        @Test
        void formatsARealTorontoNumberAsE164() {
            assertThat(toronto.phone("(416) 979-2020")).isEqualTo("+14169792020");
        }

        @Test
        void keepsAnInternationalNumberInItsOwnCountry() {
            assertThat(toronto.phone("+44 20 7946 0958")).isEqualTo("+442079460958");
        }

        @Test
        void keepsAnotherInternationalNumberInItsOwnCountry() {
            assertThat(toronto.phone("+44 20 7183 8750")).isEqualTo("+442071838750");
        }

        @Test
        void keepsAnExtensionAfterTheE164Number() {
            assertThat(toronto.phone("416-555-0123 ext. 22")).isEqualTo("+14165550123 ext. 22");
        }

        @Test
        void showsTextThatDoesNotParseAsGiven() {
            assertThat(toronto.phone("call the front desk")).isEqualTo("call the front desk");
        }

        @Test
        void usesTheConfiguredDefaultRegion() {
            ValueFormats london = new ValueFormats(
                    new FormatSettings(ZoneId.of("America/Toronto"), "CAD", "GB", Optional.empty()));
            assertThat(london.phone("020 7183 8750")).isEqualTo("+442071838750");
        }

        @Test
        void defaultRegionCanadaDoesNotReadABritishNationalNumber() {
            assertThat(toronto.phone("020 7183 8750")).isEqualTo("020 7183 8750");
        }
    }
}
