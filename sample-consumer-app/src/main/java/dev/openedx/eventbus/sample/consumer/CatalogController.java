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
