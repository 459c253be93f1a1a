package dev.openedx.eventbus.sample.producer;

/**
 * Body of {@code POST /enrollments}.
 *
 * @param username the learner's user name
 * @param email the learner's email address
 * @param courseKey the course, for example {@code course-v1:edX+DemoX+2026_T1}
 * @param mode the enrollment mode, for example {@code audit} or {@code verified}
 * @since 0.1.0
 */
record EnrollmentRequest(String username, String email, String courseKey, String mode) {

	EnrollmentRequest {
		Requests.requireText(username, "username");
		Requests.requireText(email, "email");
		Requests.requireText(courseKey, "courseKey");
		Requests.requireText(mode, "mode");
	}

}
