package app.carepanel.profile;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The formatting core and the clock, as beans. */
class FormattingProducers {

    @Produces
    @Singleton
    ProfileFormatter profileFormatter(SidebarConfig config) {
        return new ProfileFormatter(config.formatSettings());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
