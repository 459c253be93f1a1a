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

package dev.openedx.eventbus.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletionException;

import dev.openedx.eventbus.worker.EventBusExitCodes;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.avro.EventJson;
import dev.openedx.eventbus.event.EventBusException;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;

/**
 * {@code produce-event}: sends one event, or the same data {@code --count} times each with fresh metadata, to a
 * topic whatever the routing table says, like {@code manage.py produce_event}. Each event is printed as one JSON
 * line once the broker accepted it. The exit status is 1 when a send failed (Python logs and exits 0).
 *
 * @since 0.1.0
 */
public final class ProduceEventCommand {

	private static final LogAccessor logger = new LogAccessor(ProduceEventCommand.class);

	private final @Nullable EventBusPublisher publisher;

	private final EventCatalog catalog;

	private final EventJson json;

	private final AvroEventCodec codec;

	private final boolean keyFieldRequired;

	/**
	 * Create the command.
	 * @param publisher the publisher, or {@code null} when nothing can be sent
	 * @param catalog the known event types
	 * @param json the JSON form of events
	 * @param codec the codec that checks key fields
	 * @param keyFieldRequired whether the transport needs a key field (Kafka); otherwise it is ignored, as Redis does
	 */
	public ProduceEventCommand(@Nullable EventBusPublisher publisher, EventCatalog catalog, EventJson json,
			AvroEventCodec codec, boolean keyFieldRequired) {
		this.publisher = publisher;
		this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
		this.json = Objects.requireNonNull(json, "json must not be null");
		this.codec = Objects.requireNonNull(codec, "codec must not be null");
		this.keyFieldRequired = keyFieldRequired;
	}

	/**
	 * Send the event.
	 * @param arguments the command's arguments
	 * @param stdout where each sent event is printed
	 * @return the exit status
	 * @throws CommandUsageException when an argument cannot be used
	 */
	public int run(CommandArguments.ProduceEvent arguments, PrintStream stdout) {
		EventType<?> type = this.catalog.find(arguments.eventType())
			.orElseThrow(() -> new CommandUsageException("Unknown event type '" + arguments.eventType()
					+ "' (-s): it is neither in the Open edX catalog nor declared by the application"));
		if (!type.busCapable()) {
			throw new CommandUsageException("Event type " + type.type() + " cannot be sent on the event bus: "
					+ type.unserializableReason());
		}
		String keyField = keyField(type, arguments.keyField());
		Object data = data(type, arguments.data());
		if (this.publisher == null) {
			logger.error("No event bus producer is configured (eventbus.enabled=false, eventbus.producer.enabled=false, "
					+ "or the transport's auto-configuration backed off), so nothing can be sent.");
			return EventBusExitCodes.FAILURE;
		}
		for (long i = 1; i <= arguments.count(); i++) {
			OpenEdxEvent<?> event = event(type, data);
			try {
				SendReceipt receipt = this.publisher.send(arguments.topic(), keyField, event).join();
				stdout.println(this.json.toJson(event));
				stdout.flush();
				logger.info(() -> "Sent " + receipt);
			}
			catch (CompletionException ex) {
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				long sent = i - 1;
				logger.error(cause, () -> "Could not send " + type.type() + " id=" + event.metadata().id() + " to "
						+ arguments.topic() + " (" + sent + " of " + arguments.count() + " sent): " + cause.getMessage());
				return EventBusExitCodes.FAILURE;
			}
		}
		return EventBusExitCodes.SUCCESS;
	}

	private @Nullable String keyField(EventType<?> type, @Nullable String keyField) {
		if (!this.keyFieldRequired) {
			return null;
		}
		if (keyField == null || keyField.isBlank()) {
			throw new CommandUsageException("Option --key-field (-k) is required with the kafka transport: the dotted "
					+ "path of the message key inside the data, for example user.id");
		}
		try {
			this.codec.keyField(type, keyField);
		}
		catch (EventBusException ex) {
			throw new CommandUsageException("--key-field " + keyField + ": " + ex.getMessage(), ex);
		}
		return keyField;
	}

	private Object data(EventType<?> type, String data) {
		String text = data;
		if (data.startsWith("@")) {
			Path file = Path.of(data.substring(1));
			try {
				text = Files.readString(file, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new CommandUsageException("Cannot read --data file " + file + ": " + ex.getMessage(), ex);
			}
		}
		try {
			return this.json.dataFromJson(type, text);
		}
		catch (EventBusException ex) {
			throw new CommandUsageException("--data is not valid " + type.type() + " data: " + ex.getMessage(), ex);
		}
	}

	private static <D> OpenEdxEvent<D> event(EventType<D> type, Object data) {
		return type.event(type.cast(data));
	}

}
