package dev.openedx.eventbus.autoconfigure.producer;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;

/**
 * Decides when the sends of a published event run: at once, or after the surrounding transaction commits
 * ({@code eventbus.producer.send-mode}).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SendScheduler {

	/** Sends at once, on the publishing thread. */
	SendScheduler IMMEDIATE = (event, sends) -> sends.get();

	/**
	 * Run the sends of an event now or later.
	 * @param event the event about to be sent
	 * @param sends starts the sends and returns their combined result
	 * @return a future completed as the sends are; cancelled when they are never run
	 */
	CompletableFuture<List<SendReceipt>> schedule(OpenEdxEvent<?> event,
			Supplier<CompletableFuture<List<SendReceipt>>> sends);

}
