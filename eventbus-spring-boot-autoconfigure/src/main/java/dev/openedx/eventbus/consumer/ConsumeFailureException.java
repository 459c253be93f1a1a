package dev.openedx.eventbus.consumer;

import java.util.Objects;

import dev.openedx.eventbus.event.EventBusException;
import org.jspecify.annotations.Nullable;

/**
 * A classified failure to handle one received message. Decoders throw it for bad input; the engine wraps listener
 * exceptions in it as {@link FailureKind#HANDLER_ERROR}.
 *
 * @since 0.1.0
 */
public class ConsumeFailureException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final FailureKind kind;

	public ConsumeFailureException(FailureKind kind, String message) {
		super(message);
		this.kind = Objects.requireNonNull(kind, "kind must not be null");
	}

	public ConsumeFailureException(FailureKind kind, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.kind = Objects.requireNonNull(kind, "kind must not be null");
	}

	public FailureKind kind() {
		return this.kind;
	}

}
