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

package dev.openedx.eventbus.sample.consumer;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The projection over HTTP: {@code GET /courses}, {@code GET /courses/{courseKey}} and {@code GET /events}.
 */
@RestController
final class CatalogController {

	private final CourseProjection projection;

	private final ReceivedEvents received;

	CatalogController(CourseProjection projection, ReceivedEvents received) {
		this.projection = projection;
		this.received = received;
	}

	@GetMapping("/courses")
	List<CourseProjection.CourseView> courses() {
		return this.projection.courses();
	}

	@GetMapping("/courses/{courseKey}")
	ResponseEntity<CourseProjection.CourseView> course(@PathVariable String courseKey) {
		return ResponseEntity.of(this.projection.find(courseKey));
	}

	@GetMapping("/events")
	List<ReceivedEvents.ReceivedEvent> events() {
		return this.received.all();
	}

}
