package dev.openedx.eventbus.catalog.learning;

import java.time.OffsetDateTime;

/**
 * Data related to a persistent course grade object. Mirrors openedx-events {@code learning.PersistentCourseGradeData}.
 *
 * @since 0.1.0
 */
public record PersistentCourseGradeData(long userId, CourseData course, OffsetDateTime courseEditedTimestamp,
		String courseVersion, String gradingPolicyHash, double percentGrade, String letterGrade,
		OffsetDateTime passedTimestamp) {

}
