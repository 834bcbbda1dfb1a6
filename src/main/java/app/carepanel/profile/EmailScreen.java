package app.carepanel.profile;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Decides whether an email may be looked up on the platform and written to Intercom. A valid address has one
 * {@code @}, a non-empty local part and a dotted domain, no spaces, and at most 254 characters; system and
 * shared-inbox addresses (exact, or by whole domain including its subdomains, case-insensitive) are excluded,
 * also when they are only the conversation's reply-to.
 */
@ApplicationScoped
public class EmailScreen {

    /** Unicode-aware, so that a no-break or other exotic space is a space too; control characters are refused. */
    private static final Pattern ADDRESS = Pattern.compile(
            "^[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+$", Pattern.UNICODE_CHARACTER_CLASS);

    private final Set<String> excludedEmails;
    private final Set<String> excludedDomains;

    @Inject
    EmailScreen(SidebarConfig config) {
        this(config.excludedEmails().orElse(List.of()), config.excludedDomains().orElse(List.of()));
    }

    public EmailScreen(Collection<String> excludedEmails, Collection<String> excludedDomains) {
        this.excludedEmails = normalised(excludedEmails);
        this.excludedDomains = excludedDomains.stream()
                .map(d -> normalise(d).replaceFirst("^@", ""))
                .filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public EmailCheck check(String email, Collection<String> replyTo) {
        if (email == null || email.isBlank()) {
            return new EmailCheck.Missing();
        }
        String address = normalise(email);
        if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
            return new EmailCheck.Invalid();
        }
        if (isExcluded(address) || anyShared(replyTo)) {
            return new EmailCheck.Shared();
        }
        return new EmailCheck.Lookup(address);
    }

    /** True when one of the addresses (e.g. a conversation's reply-to) is a system or shared-inbox address. */
    public boolean anyShared(Collection<String> addresses) {
        return addresses.stream().filter(a -> a != null && !a.isBlank()).map(EmailScreen::normalise)
                .anyMatch(this::isExcluded);
    }

    private boolean isExcluded(String address) {
        if (excludedEmails.contains(address)) {
            return true;
        }
        String domain = address.substring(address.lastIndexOf('@') + 1);
        return excludedDomains.stream().anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
    }

    private static Set<String> normalised(Collection<String> values) {
        return values.stream().map(EmailScreen::normalise).filter(v -> !v.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    static String normalise(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
