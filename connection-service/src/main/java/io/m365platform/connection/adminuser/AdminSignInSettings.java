package io.m365platform.connection.adminuser;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** The admin-user sign-in: where Entra sends the admin back, and how long a started sign-in stays valid. */
@ConfigMapping(prefix = "connection.admin-user")
public interface AdminSignInSettings {

    /**
     * The redirect URI registered on the app registrations (the platform UI's callback page, which posts code and
     * state to {@code POST /connections/{id}/admin-user/callback}). Server configuration, never user input.
     */
    @WithDefault("http://localhost:8081/admin-sign-in/callback")
    URI redirectUri();

    /** Entra's authorization codes live about 10 minutes; a sign-in left longer is abandoned. */
    @WithDefault("15m")
    Duration signInTimeout();
}
