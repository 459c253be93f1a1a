/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
