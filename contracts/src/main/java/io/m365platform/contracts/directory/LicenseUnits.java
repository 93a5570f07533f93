package io.m365platform.contracts.directory;

/**
 * Graph {@code licenseUnitsDetail}: units of a subscription by state.
 *
 * @param enabled   units that can be assigned
 * @param suspended units in the suspended state (subscription cancelled, assignments kept)
 * @param warning   units in the warning (grace) state
 * @param lockedOut units locked out (subscription ended)
 */
public record LicenseUnits(int enabled, int suspended, int warning, int lockedOut) {
}
