package io.m365platform.graphsim.usage;

import java.time.LocalDate;

/**
 * The stable habits of one user, drawn once from the tenant seed and the user id: how active (persona), when a
 * dormant user stopped, which app/platform pairs they usually use ({@code affinity}, bits as in
 * {@link Platform#bit}), their activated devices and when Microsoft 365 Apps was last activated.
 */
public record UsageProfile(Persona persona, LocalDate dormantSince, int affinity, int windowsDevices, int macDevices,
                           int iosDevices, int androidDevices, boolean sharedComputer, LocalDate lastActivated) {

    public UsageProfile withPersona(Persona p) {
        return new UsageProfile(p, dormantSince, affinity, windowsDevices, macDevices, iosDevices, androidDevices,
                sharedComputer, lastActivated);
    }
}
