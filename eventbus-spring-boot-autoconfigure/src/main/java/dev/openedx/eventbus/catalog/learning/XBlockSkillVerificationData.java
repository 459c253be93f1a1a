package dev.openedx.eventbus.catalog.learning;

import java.util.List;

import dev.openedx.eventbus.event.DataCollections;
import dev.openedx.eventbus.event.key.UsageKey;

/**
 * Data needed to update verification count of tags/skills for an XBlock. Mirrors openedx-events
 * {@code learning.XBlockSkillVerificationData}.
 *
 * @since 0.1.0
 */
public record XBlockSkillVerificationData(UsageKey usageKey, List<Long> verifiedSkills, List<Long> ignoredSkills) {

	public XBlockSkillVerificationData {
		verifiedSkills = DataCollections.list(verifiedSkills);
		ignoredSkills = DataCollections.list(ignoredSkills);
	}

	/**
	 * Create with the Python defaults for the other fields (empty: {@code verifiedSkills}, {@code ignoredSkills}).
	 */
	public XBlockSkillVerificationData(UsageKey usageKey) {
		this(usageKey, List.of(), List.of());
	}

}
