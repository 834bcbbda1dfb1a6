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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The formats of ATTRIBUTES.md ("Formats" section and the Time Zone / Phone Number rules), each a table of cases:
 * what the case shows, the input, and the value expected.
 */
class ValueFormatsTest {

    private static final ValueFormats TORONTO = new ValueFormats(FormatSettings.defaults());
    private static final ValueFormats VANCOUVER = new ValueFormats(
            new FormatSettings(ZoneId.of("America/Vancouver"), "CAD", "CA", Optional.empty()));

    private static ValueFormats in(String displayZone) {
        return "Vancouver".equals(displayZone) ? VANCOUVER : TORONTO;
    }

    @Nested
    class DateAndTime {

        @Test
        void defaultDisplayZoneIsAmericaToronto() {
            assertThat(FormatSettings.defaults().displayZone()).isEqualTo(ZoneId.of("America/Toronto"));
        }

        @ParameterizedTest(name = "{0}: {2} in {1} is {3}")
        @CsvSource(delimiter = '|', textBlock = """
                the rule book's example in summer             | Toronto   | 2025-10-22T15:00:00Z | Oct 22, 2025 - 11:00 a.m. EDT
                the rule book's example in winter             | Toronto   | 2025-12-16T06:10:00Z | Dec 16, 2025 - 1:10 a.m. EST
                noon                                          | Toronto   | 2025-12-15T17:00:00Z | Dec 15, 2025 - 12:00 p.m. EST
                midnight                                      | Toronto   | 2025-12-16T05:00:00Z | Dec 16, 2025 - 12:00 a.m. EST
                the minute before midnight, local day before  | Toronto   | 2025-07-02T03:59:00Z | Jul 1, 2025 - 11:59 p.m. EDT
                the minute before noon                        | Toronto   | 2025-07-01T15:59:00Z | Jul 1, 2025 - 11:59 a.m. EDT
                the hour after noon                           | Toronto   | 2025-07-01T17:05:00Z | Jul 1, 2025 - 1:05 p.m. EDT
                English three-letter month, day not padded    | Toronto   | 2025-09-05T14:30:00Z | Sep 5, 2025 - 10:30 a.m. EDT
                the last minute before spring forward         | Toronto   | 2025-03-09T06:59:00Z | Mar 9, 2025 - 1:59 a.m. EST
                the first minute after spring forward         | Toronto   | 2025-03-09T07:00:00Z | Mar 9, 2025 - 3:00 a.m. EDT
                the last minute before fall back              | Toronto   | 2025-11-02T05:59:00Z | Nov 2, 2025 - 1:59 a.m. EDT
                the first minute after fall back              | Toronto   | 2025-11-02T06:00:00Z | Nov 2, 2025 - 1:00 a.m. EST
                the repeated hour, first time                 | Toronto   | 2025-11-02T05:30:00Z | Nov 2, 2025 - 1:30 a.m. EDT
                the repeated hour, second time                | Toronto   | 2025-11-02T06:30:00Z | Nov 2, 2025 - 1:30 a.m. EST
                another display zone in summer                | Vancouver | 2025-10-22T15:00:00Z | Oct 22, 2025 - 8:00 a.m. PDT
                another display zone, the day before          | Vancouver | 2025-12-16T06:10:00Z | Dec 15, 2025 - 10:10 p.m. PST
                another zone's own last minute before spring  | Vancouver | 2025-03-09T09:59:00Z | Mar 9, 2025 - 1:59 a.m. PST
                another zone's own spring forward             | Vancouver | 2025-03-09T10:00:00Z | Mar 9, 2025 - 3:00 a.m. PDT
                another zone's own last minute before fall    | Vancouver | 2025-11-02T08:59:00Z | Nov 2, 2025 - 1:59 a.m. PDT
                another zone's own fall back                  | Vancouver | 2025-11-02T09:00:00Z | Nov 2, 2025 - 1:00 a.m. PST
                """)
        void showsInstantsInTheDisplayZoneWithTheAbbreviationOfTheDate(String shows, String displayZone, Instant at,
                String expected) {
            assertThat(in(displayZone).dateTime(at)).isEqualTo(expected);
        }
    }

    @Nested
    class TimeZoneWithAbbreviation {

        @ParameterizedTest(name = "{0}: {2} at {3} is {4}")
        @CsvSource(delimiter = '|', textBlock = """
                EST when fetched in winter              | Toronto   | America/Toronto   | 2025-12-16T06:10:00Z | America/Toronto (EST)
                EDT when fetched in summer              | Toronto   | America/Toronto   | 2025-07-15T16:00:00Z | America/Toronto (EDT)
                EST up to spring forward                | Toronto   | America/Toronto   | 2025-03-09T06:59:00Z | America/Toronto (EST)
                EDT exactly at spring forward           | Toronto   | America/Toronto   | 2025-03-09T07:00:00Z | America/Toronto (EDT)
                EDT up to fall back                     | Toronto   | America/Toronto   | 2025-11-02T05:59:00Z | America/Toronto (EDT)
                EST exactly at fall back                | Toronto   | America/Toronto   | 2025-11-02T06:00:00Z | America/Toronto (EST)
                the client's zone, not the display zone | Toronto   | America/Vancouver | 2025-12-16T06:10:00Z | America/Vancouver (PST)
                the client's zone, whatever displays    | Vancouver | America/Toronto   | 2025-07-15T16:00:00Z | America/Toronto (EDT)
                an unknown zone as given                | Toronto   | Mars/Olympus_Mons | 2025-12-16T06:10:00Z | Mars/Olympus_Mons
                a zone id in the wrong case             | Toronto   | america/toronto   | 2025-12-16T06:10:00Z | America/Toronto (EST)
                a malformed zone id as given            | Toronto   | Eastern Time      | 2025-12-16T06:10:00Z | Eastern Time
                """)
        void showsTheClientsZoneWithItsAbbreviationAtTheFetchTime(String shows, String displayZone, String zone,
                Instant at, String expected) {
            assertThat(in(displayZone).zoneWithAbbreviation(zone, at)).isEqualTo(expected);
        }
    }

    @Nested
    class Money {

        @ParameterizedTest(name = "{0}: {1} {2} is {3}")
        @CsvSource(delimiter = '|', textBlock = """
                a whole amount without decimals                | CAD | 150        | CAD$150
                zero cents of a whole amount dropped           | CAD | 150.00     | CAD$150
                thousands separator and two decimals           | USD | 1250.50    | USD$1,250.50
                one decimal padded to two                      | USD | 1250.5     | USD$1,250.50
                the euro sign                                  | EUR | 80         | EUR€80
                the pound sign                                 | GBP | 12.50      | GBP£12.50
                only the ISO code when the symbol is letters   | CHF | 1250.50    | CHF1,250.50
                millions grouped by thousands                  | CAD | 1234567.89 | CAD$1,234,567.89
                a whole million                                | CAD | 1000000    | CAD$1,000,000
                cents below one                                | CAD | 0.90       | CAD$0.90
                """)
        void showsTheCodeTheSymbolWithoutLettersAndTheGroupedAmount(String shows, String currency, BigDecimal amount,
                String expected) {
            assertThat(TORONTO.money(Map.of(currency, amount))).isEqualTo(expected);
        }

        @Test
        void joinsSeveralCurrenciesWithPlusInTheGivenOrder() {
            Map<String, BigDecimal> amounts = new LinkedHashMap<>();
            amounts.put("CAD", new BigDecimal("150.00"));
            amounts.put("USD", new BigDecimal("20.00"));
            assertThat(TORONTO.money(amounts)).isEqualTo("CAD$150 + USD$20");
        }
    }

    @Nested
    class Phone {

        @ParameterizedTest(name = "{0}: ''{2}'' with region {1} is ''{3}''")
        @CsvSource(delimiter = '|', textBlock = """
                a North American number, default region Canada | CA | (416) 555-0123       | +14165550123
                a North American number with dashes            | CA | 416-555-0123         | +14165550123
                a real Toronto number                          | CA | (416) 979-2020       | +14169792020
                an international number in its own country     | CA | +44 20 7946 0958     | +442079460958
                another international number                   | CA | +44 20 7183 8750     | +442071838750
                an extension after the E.164 number            | CA | 416-555-0123 ext. 22 | +14165550123 ext. 22
                text that does not parse, as given             | CA | call the front desk  | call the front desk
                a national number of the configured region     | GB | 020 7183 8750        | +442071838750
                a British national number, region Canada       | CA | 020 7183 8750        | 020 7183 8750
                """)
        void writesValidNumbersInE164AndOthersAsGiven(String shows, String region, String given, String expected) {
            ValueFormats formats = new ValueFormats(new FormatSettings(ZoneId.of("America/Toronto"), "CAD", region, Optional.empty()));
            assertThat(formats.phone(given)).isEqualTo(expected);
        }
    }
}
