package dev.openedx.eventbus.catalog.learning;

import dev.openedx.eventbus.event.key.CourseKey;
import dev.openedx.eventbus.event.key.UsageKey;

/**
 * Class that encapsulates LTI data for an LTI launch event. Mirrors openedx-events
 * {@code learning.LtiProviderLaunchData}.
 *
 * @since 0.1.0
 */
public record LtiProviderLaunchData(UserData user, CourseKey courseKey, UsageKey usageKey,
		LtiProviderLaunchParamsData launchParams) {

}
