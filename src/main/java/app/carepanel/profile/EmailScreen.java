package app.carepanel.profile;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.carepanel.workspace.Setting;
import app.carepanel.workspace.WorkspaceSettings;

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

    /** Screens for workspaces with lists of their own, by those lists; emptied when it grows past this. */
    private static final int MOST_SCREENS_KEPT = 1_000;

    private final Set<String> excludedEmails;
    private final Set<String> excludedDomains;
    private final WorkspaceSettings settings;
    private final Map<List<String>, EmailScreen> ofWorkspaces = new ConcurrentHashMap<>();

    @Inject
    EmailScreen(SidebarConfig config, WorkspaceSettings settings) {
        this(config.excludedEmails().orElse(List.of()), config.excludedDomains().orElse(List.of()), settings);
    }

    public EmailScreen(Collection<String> excludedEmails, Collection<String> excludedDomains) {
        this(excludedEmails, excludedDomains, null);
    }

    private EmailScreen(Collection<String> excludedEmails, Collection<String> excludedDomains,
            WorkspaceSettings settings) {
        this.settings = settings;
        this.excludedEmails = normalised(excludedEmails);
        this.excludedDomains = excludedDomains.stream()
                .map(d -> normalise(d).replaceFirst("^@", ""))
                .filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The check with the workspace's own excluded emails and domains, where its admin set them. */
    public EmailCheck check(String workspaceId, String email, Collection<String> replyTo) {
        return of(workspaceId).check(email, replyTo);
    }

    /** The screen of the workspace: its own lists where set in the console, the environment's otherwise. */
    public EmailScreen of(String workspaceId) {
        if (settings == null || workspaceId == null) {
            return this;
        }
        Map<Setting, String> own = settings.of(workspaceId);
        String emails = own.get(Setting.EXCLUDED_EMAILS);
        String domains = own.get(Setting.EXCLUDED_DOMAINS);
        if (emails == null && domains == null) {
            return this;
        }
        if (ofWorkspaces.size() > MOST_SCREENS_KEPT) {
            ofWorkspaces.clear();
        }
        return ofWorkspaces.computeIfAbsent(Arrays.asList(emails, domains), lists -> new EmailScreen(
                emails == null ? excludedEmails : Setting.items(emails),
                domains == null ? excludedDomains : Setting.items(domains)));
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
