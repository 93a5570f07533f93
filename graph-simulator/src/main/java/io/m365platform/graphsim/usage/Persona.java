package io.m365platform.graphsim.usage;

import java.util.Locale;

/**
 * How active a user is, drawn per user from the tenant seed (or set through the control API). Dormant users were
 * active until a date 35–125 days before the tenant was generated and have done nothing since; "none" users hold
 * licenses they never use (the license-waste case).
 */
public enum Persona {
    HEAVY(0.95, 0.8),
    REGULAR(0.75, 0.6),
    LIGHT(0.25, 0.45),
    DORMANT(0.7, 0.55),
    NONE(0, 0);

    private final double activeDayProbability;
    private final double appUseProbability;

    Persona(double activeDayProbability, double appUseProbability) {
        this.activeDayProbability = activeDayProbability;
        this.appUseProbability = appUseProbability;
    }

    /** Chance of any activity on a weekday. */
    public double activeDayProbability() {
        return activeDayProbability;
    }

    /** Chance that one of the user's usual app/platform pairs is used on an active day. */
    public double appUseProbability() {
        return appUseProbability;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Persona parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("persona must be one of heavy, regular, light, dormant, none (got " + s + ")");
        }
    }
}
