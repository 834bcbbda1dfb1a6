package app.carepanel.profile;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The formatting core, as a bean configured from {@code SIDEBAR_*}. */
class FormattingProducers {

    @Produces
    @Singleton
    ProfileFormatter profileFormatter(SidebarConfig config) {
        return new ProfileFormatter(config.formatSettings());
    }
}
