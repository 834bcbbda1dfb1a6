package app.carepanel.workspace;

import java.util.Locale;
import java.util.Optional;

/** The regions Intercom hosts workspaces in; each has its own REST API host. */
public enum Region {
    US, EU, AU;

    /** The region a request or {@code GET /me} names ({@code us}, {@code EU}...); empty for anything else. */
    public static Optional<Region> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "us" -> Optional.of(US);
            case "eu" -> Optional.of(EU);
            case "au" -> Optional.of(AU);
            default -> Optional.empty();
        };
    }

    /** How the region is written in the database and in Intercom's payloads: {@code us}, {@code eu}, {@code au}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
