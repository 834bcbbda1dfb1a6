package app.carepanel.install;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An installation or a console sign-in under way: digests of its OAuth state and of the browser's cookie, and when it expires. */
@Entity
@Table(name = "install_state")
public class InstallState extends PanacheEntityBase {

    @Id
    @Column(name = "state_digest", length = 64)
    public String stateDigest;

    @Column(name = "browser_digest", nullable = false, length = 64)
    public String browserDigest;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** What the OAuth flow is for: installing the app, or signing in to the console. */
    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", nullable = false, length = 16)
    public Purpose purpose = Purpose.INSTALL;

    public enum Purpose {
        INSTALL, SIGN_IN
    }
}
