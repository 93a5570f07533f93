package io.m365platform.contracts.action.parameters;

import io.m365platform.contracts.Checks;

import java.time.Instant;

/**
 * delete-calendar-events: remove (and cancel, for meetings the user organises) the user's events in a
 * time range, typically future meetings of a leaver.
 *
 * @param userId              calendar owner
 * @param startsOnOrAfter     first event start included
 * @param startsBefore        end of the range (exclusive), null for "no end"
 * @param onlyOrganizedByUser only events the user organises (default true); others are left alone
 * @param cancellationMessage message sent to attendees when a meeting is cancelled, optional
 */
public record DeleteCalendarEventsParameters(String userId, Instant startsOnOrAfter, Instant startsBefore,
                                             Boolean onlyOrganizedByUser, String cancellationMessage)
        implements ActionParameters {

    public DeleteCalendarEventsParameters {
        Checks.requireText(userId, "userId");
        Checks.require(startsOnOrAfter, "startsOnOrAfter");
        if (startsBefore != null && !startsBefore.isAfter(startsOnOrAfter)) {
            throw new IllegalArgumentException("startsBefore must be after startsOnOrAfter");
        }
    }

    @Override
    public String targetId() {
        return userId;
    }
}
