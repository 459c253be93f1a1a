package dev.openedx.eventbus.sample.producer;

import dev.openedx.eventbus.event.key.InvalidOpaqueKeyException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers 400 with the reason when a request cannot become an event, for example a course key a Python consumer
 * could not parse: such an event is refused before it is published, never sent and dropped later.
 */
@RestControllerAdvice
final class BadRequests {

	@ExceptionHandler({ InvalidOpaqueKeyException.class, IllegalArgumentException.class })
	ProblemDetail badRequest(RuntimeException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				(cause instanceof IllegalArgumentException) ? cause.getMessage() : "Malformed request body");
	}

}
