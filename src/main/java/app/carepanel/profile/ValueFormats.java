package app.carepanel.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** The formats of {@code ATTRIBUTES.md}: date and time, time zone, money and phone number. */
public final class ValueFormats {

    private static final DateTimeFormatter DATE_AND_CLOCK = DateTimeFormatter.ofPattern("MMM d, yyyy - h:mm", Locale.US);
    private static final DateTimeFormatter ZONE_ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.US);
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Map<String, String> ZONE_IDS_BY_LOWER_CASE = ZoneId.getAvailableZoneIds().stream()
            .collect(Collectors.toMap(id -> id.toLowerCase(Locale.ROOT), id -> id, (first, second) -> first));

    private final FormatSettings settings;

    public ValueFormats(FormatSettings settings) {
        this.settings = settings;
    }

    /** {@code Oct 22, 2025 - 11:00 a.m. EDT}: the instant in the display zone, abbreviation by daylight saving. */
    public String dateTime(Instant instant) {
        ZonedDateTime local = instant.atZone(settings.displayZone());
        String meridiem = local.getHour() < 12 ? "a.m." : "p.m.";
        return DATE_AND_CLOCK.format(local) + " " + meridiem + " " + ZONE_ABBREVIATION.format(local);
    }

    /**
     * {@code America/Toronto (EST)}: the zone and its short US-English name at the given instant. A zone id in the
     * wrong case ({@code america/toronto}) is the zone it names; unknown zones are shown as given.
     */
    public String zoneWithAbbreviation(String zoneId, Instant now) {
        String given = zoneId.trim();
        try {
            ZoneId zone = ZoneId.of(ZONE_IDS_BY_LOWER_CASE.getOrDefault(given.toLowerCase(Locale.ROOT), given));
            return zone.getId() + " (" + ZONE_ABBREVIATION.format(now.atZone(zone)) + ")";
        } catch (DateTimeException unknownZone) {
            return given;
        }
    }

    /**
     * {@code CAD$150}, {@code USD$1,250.50}, or several currencies as {@code CAD$150 + USD$20}: ISO code, the
     * currency's symbol without letters, the amount grouped by thousands, decimals only when not whole.
     */
    public String money(Map<String, BigDecimal> amountsByCurrency) {
        return amountsByCurrency.entrySet().stream()
                .map(e -> currencyPrefix(e.getKey()) + amount(e.getValue()))
                .collect(Collectors.joining(" + "));
    }

    static String currencyPrefix(String code) {
        String symbol;
        try {
            symbol = Currency.getInstance(code).getSymbol(Locale.US);
        } catch (IllegalArgumentException unknownCurrency) {
            symbol = "";
        }
        return code + symbol.codePoints()
                .filter(c -> !Character.isLetter(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    }

    static String amount(BigDecimal value) {
        BigDecimal cents = value.setScale(2, RoundingMode.HALF_UP);
        boolean whole = cents.remainder(BigDecimal.ONE).signum() == 0;
        DecimalFormat format = new DecimalFormat(whole ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return format.format(cents);
    }

    /**
     * E.164 when the number parses as a valid number (default region configured), otherwise the text as given. An
     * extension, which E.164 cannot hold, follows as {@code  ext. 22} rather than being lost.
     */
    public String phone(String raw) {
        String given = raw.trim();
        try {
            PhoneNumber number = PHONES.parse(given, settings.phoneRegion());
            if (PHONES.isValidNumber(number)) {
                String e164 = PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
                return number.hasExtension() ? e164 + " ext. " + number.getExtension() : e164;
            }
        } catch (NumberParseException notAPhoneNumber) {
            // shown as typed on the platform
        }
        return given;
    }
}
