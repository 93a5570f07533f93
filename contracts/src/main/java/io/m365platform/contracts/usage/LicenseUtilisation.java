package io.m365platform.contracts.usage;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.PlatformEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How well one SKU's licenses are used over the 28-day window ending at the report refresh date. "Active"
 * means the holder used any app in the window (built from daily snapshots; the report APIs have no 28-day
 * period).
 *
 * @param connectionId    connection
 * @param tenantId        tenant
 * @param skuId           SKU id (GUID)
 * @param skuPartNumber   SKU part number
 * @param windowStart     first day of the window
 * @param windowEnd       last day of the window (the report refresh date)
 * @param daysCovered     days of the window with a daily snapshot (28 when complete)
 * @param prepaidUnits    enabled units of the subscription
 * @param assignedUnits   licenses assigned (consumed units)
 * @param activeUsers     holders active in the window
 * @param inactiveUsers   holders not active in the window
 * @param unassignedUnits licenses bought but not assigned
 * @param unmappedRows    report rows that could not be mapped to a user (concealed names), not counted above
 * @param assignedDirectly   holders with a direct assignment (an action can remove it); null from older producers
 * @param inheritedOnly      holders through groups only (change the group, not the user); null from older producers
 * @param inactiveDirect     inactive holders with a direct assignment; null from older producers
 * @param signedInWithoutUse holders without app use who signed in recently (neither active nor inactive); null from
 *                           older producers
 * @param computedAt      when the figures were computed
 */
public record LicenseUtilisation(String connectionId, String tenantId, String skuId, String skuPartNumber,
                                 LocalDate windowStart, LocalDate windowEnd, int daysCovered, int prepaidUnits,
                                 int assignedUnits, int activeUsers, int inactiveUsers, int unassignedUnits,
                                 int unmappedRows, Integer assignedDirectly, Integer inheritedOnly,
                                 Integer inactiveDirect, Integer signedInWithoutUse, Instant computedAt)
        implements PlatformEvent {

    public LicenseUtilisation {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(skuId, "skuId");
        Checks.require(windowStart, "windowStart");
        Checks.require(windowEnd, "windowEnd");
        if (windowEnd.isBefore(windowStart)) {
            throw new IllegalArgumentException("windowEnd is before windowStart");
        }
        for (int count : new int[] {daysCovered, prepaidUnits, assignedUnits, activeUsers, inactiveUsers,
                unassignedUnits, unmappedRows}) {
            Checks.requireNonNegative(count, "count");
        }
        for (Integer count : new Integer[] {assignedDirectly, inheritedOnly, inactiveDirect, signedInWithoutUse}) {
            if (count != null) {
                Checks.requireNonNegative(count, "count");
            }
        }
        Checks.require(computedAt, "computedAt");
    }

    /** The Kafka key {@code {connectionId}/{skuId}}. */
    public static String key(String connectionId, String skuId) {
        return EventKey.of(connectionId, skuId);
    }

    @Override
    public String kafkaKey() {
        return key(connectionId, skuId);
    }

    @Override
    public Instant eventTime() {
        return computedAt;
    }
}
