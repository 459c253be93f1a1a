package dev.openedx.eventbus.catalog.learning;

import org.jspecify.annotations.Nullable;

/**
 * Data related to a badge template object. Mirrors openedx-events {@code learning.BadgeTemplateData}.
 *
 * @since 0.1.0
 */
public record BadgeTemplateData(String uuid, String origin, @Nullable String name, @Nullable String description,
		@Nullable String imageUrl) {

	/**
	 * Create with the Python defaults for the other fields (null: {@code name}, {@code description},
	 * {@code imageUrl}).
	 */
	public BadgeTemplateData(String uuid, String origin) {
		this(uuid, origin, null, null, null);
	}

}
