package dev.openedx.eventbus.catalog.learning;

/**
 * Class that encapsulates score data provided by an external grader. Mirrors openedx-events
 * {@code learning.ExternalGraderScoreData}.
 *
 * @since 0.1.0
 */
public record ExternalGraderScoreData(long pointsPossible, long pointsEarned, String courseId, String scoreMsg,
		long submissionId, String userId, String moduleId, String queueKey, String queueName) {

}
