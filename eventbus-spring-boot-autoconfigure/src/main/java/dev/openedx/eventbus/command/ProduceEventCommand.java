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
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.avro.EventJson;
import dev.openedx.eventbus.event.EventBusException;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.worker.EventBusExitCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;

/**
 * {@code produce-event}: sends events to a topic whatever the routing table says, like {@code manage.py
 * produce_event}: one data object given inline ({@code -d JSON}, sent {@code --count} times, each with fresh
 * metadata), or many from a JSON-lines file ({@code -d @FILE}) or standard input ({@code -d -}), one event per line
 * as {@code consume-events --output} writes them ({@code {"metadata": {...}, "data": {...}}}, sent with that
 * metadata and event type) or one data object of the {@code -s} event type per line (fresh metadata).
 * <p>
 * Sends are asynchronous: up to {@value #MAX_IN_FLIGHT} events are in flight at once and the command waits once at
 * the end, so it runs at the speed of the producer (Kafka's batching, Redis' pipelining). Each event is printed as
 * one JSON line, in input order, once the broker accepted it; each one sent is logged at DEBUG, and one summary line
 * at INFO. A line that cannot be read as an event, or an event the broker refused, is logged at ERROR with its line
 * number and event id, and the other lines are still sent; the exit status is then 1 (Python logs and exits 0).
 *
 * @since 0.1.0
 */
public final class ProduceEventCommand {

	/** How many sends may await the broker's answer at once; the Kafka client's buffer also bounds them. */
	static final int MAX_IN_FLIGHT = 10_000;

	private static final LogAccessor logger = new LogAccessor(ProduceEventCommand.class);

	private static final JsonFactory JSON_FACTORY = new JsonFactory();

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
	 * Send the events, reading {@code -d -} from {@link System#in}.
	 * @param arguments the command's arguments
	 * @param stdout where each sent event is printed
	 * @return the exit status
	 * @throws CommandUsageException when an argument cannot be used
	 */
	public int run(CommandArguments.ProduceEvent arguments, PrintStream stdout) {
		return run(arguments, System.in, stdout);
	}

	/**
	 * Send the events.
	 * @param arguments the command's arguments
	 * @param stdin where {@code -d -} reads from
	 * @param stdout where each sent event is printed
	 * @return the exit status
	 * @throws CommandUsageException when an argument cannot be used
	 * @since 0.2.0
	 */
	public int run(CommandArguments.ProduceEvent arguments, InputStream stdin, PrintStream stdout) {
		EventType<?> type = this.catalog.find(arguments.eventType())
			.orElseThrow(() -> new CommandUsageException("Unknown event type '" + arguments.eventType()
					+ "' (-s): it is neither in the Open edX catalog nor declared by the application"));
		if (!type.busCapable()) {
			throw new CommandUsageException("Event type " + type.type() + " cannot be sent on the event bus: "
					+ type.unserializableReason());
		}
		String keyField = keyField(type, arguments.keyField());
		String data = arguments.data();
		boolean fromLines = data.equals("-") || data.startsWith("@");
		Object inline = fromLines ? null : inlineData(type, data);
		if (this.publisher == null) {
			logger.error("No event bus producer is configured (eventbus.enabled=false, eventbus.producer.enabled=false, "
					+ "or the transport's auto-configuration backed off), so nothing can be sent.");
			return EventBusExitCodes.FAILURE;
		}
		Sends sends = new Sends(this.publisher, arguments.topic(), stdout);
		if (inline != null) {
			for (long i = 1; i <= arguments.count(); i++) {
				sends.send("event " + i + " of --count", event(type, inline), keyField);
			}
			return sends.finish("--data");
		}
		try (JsonLinesInput input = JsonLinesInput.open(data, stdin)) {
			Lines lines = new Lines(type, keyField);
			for (JsonLinesInput.Line line = input.next(); line != null; line = input.next()) {
				lines.send(line, arguments.count(), sends);
			}
			return sends.finish(input.toString());
		}
		catch (IOException ex) {
			logger.error(ex, () -> "Cannot read --data " + data + ": " + ex.getMessage());
			sends.finish(data);
			return EventBusExitCodes.FAILURE;
		}
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

	private Object inlineData(EventType<?> type, String data) {
		try {
			return this.json.dataFromJson(type, data);
		}
		catch (EventBusException ex) {
			throw new CommandUsageException("--data is not valid " + type.type() + " data: " + ex.getMessage(), ex);
		}
	}

	private static <D> OpenEdxEvent<D> event(EventType<D> type, Object data) {
		return type.event(type.cast(data));
	}

	/**
	 * Turns input lines into events: a line whose first field is {@code metadata} or {@code data} is a whole event
	 * (its own type and metadata), any other one data of the {@code -s} type. Key fields are checked once per type.
	 */
	private final class Lines {

		private final EventType<?> type;

		private final @Nullable String keyField;

		private final Map<String, @Nullable String> keyFieldProblems = new HashMap<>();

		Lines(EventType<?> type, @Nullable String keyField) {
			this.type = type;
			this.keyField = keyField;
		}

		void send(JsonLinesInput.Line line, long count, Sends sends) {
			for (long i = 0; i < count; i++) {
				OpenEdxEvent<?> event;
				try {
					event = event(line.text());
				}
				catch (EventBusException | IOException ex) {
					sends.unreadable(line.number(), ex);
					return;
				}
				String problem = keyFieldProblem(event.type());
				if (problem != null) {
					sends.unreadable(line.number(), new EventBusException(problem));
					return;
				}
				sends.send("line " + line.number(), event, this.keyField);
			}
		}

		private OpenEdxEvent<?> event(String text) throws IOException {
			if (isWholeEvent(text)) {
				return ProduceEventCommand.this.json.fromJson(text);
			}
			return ProduceEventCommand.event(this.type, ProduceEventCommand.this.json.dataFromJson(this.type, text));
		}

		private boolean isWholeEvent(String text) throws IOException {
			String plain = firstFieldName(text);
			if (plain != null) {
				return !plain.equals(this.type.dataKey()) && (plain.equals("metadata") || plain.equals("data"));
			}
			try (JsonParser parser = JSON_FACTORY.createParser(text)) {
				if (parser.nextToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME) {
					throw new EventBusException("not a JSON object with the event's data or its metadata and data");
				}
				String first = parser.currentName();
				return !first.equals(this.type.dataKey()) && (first.equals("metadata") || first.equals("data"));
			}
		}

		/**
		 * The first field name read from the text directly (a parser per line costs more than the rest of the
		 * peek), or {@code null} when the line does not start as plainly as {@code {"name":} and the parser decides.
		 */
		private static @Nullable String firstFieldName(String text) {
			int i = skipWhitespace(text, 0);
			if (i >= text.length() || text.charAt(i) != '{') {
				return null;
			}
			i = skipWhitespace(text, i + 1);
			if (i >= text.length() || text.charAt(i) != '"') {
				return null;
			}
			int end = text.indexOf('"', i + 1);
			if (end < 0 || text.lastIndexOf('\\', end) > i) {
				return null;
			}
			return text.substring(i + 1, end);
		}

		private static int skipWhitespace(String text, int from) {
			int i = from;
			while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r'
					|| text.charAt(i) == '\n')) {
				i++;
			}
			return i;
		}

		private @Nullable String keyFieldProblem(EventType<?> eventType) {
			if (this.keyField == null || eventType == this.type) {
				return null;
			}
			return this.keyFieldProblems.computeIfAbsent(eventType.type(), (name) -> {
				try {
					ProduceEventCommand.this.codec.keyField(eventType, this.keyField);
					return null;
				}
				catch (EventBusException ex) {
					return "--key-field " + this.keyField + " does not fit " + name + ": " + ex.getMessage();
				}
			});
		}

	}

	/**
	 * The sends in flight, in input order: as the oldest ones complete, the calling thread (not the client's I/O
	 * thread) hands them to one printing thread, which writes their JSON lines in that order while the calling
	 * thread reads and sends the next lines; the calling thread waits only when {@value #MAX_IN_FLIGHT} sends are in
	 * flight or lines await printing, and at the end.
	 */
	private final class Sends {

		private final EventBusPublisher publisher;

		private final String topic;

		private final PrintStream stdout;

		private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();

		private final ExecutorService printer = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "eventbus-produce-event-output");
			thread.setDaemon(true);
			return thread;
		});

		private final Semaphore printing = new Semaphore(MAX_IN_FLIGHT);

		private final long started = System.nanoTime();

		private long sent;

		private long failed;

		private long unreadable;

		Sends(EventBusPublisher publisher, String topic, PrintStream stdout) {
			this.publisher = publisher;
			this.topic = topic;
			this.stdout = stdout;
		}

		void send(String where, OpenEdxEvent<?> event, @Nullable String keyField) {
			CompletableFuture<SendReceipt> receipt;
			try {
				receipt = this.publisher.send(this.topic, keyField, event);
			}
			catch (RuntimeException ex) {
				receipt = CompletableFuture.failedFuture(ex);
			}
			this.inFlight.addLast(new Pending(where, event, receipt));
			while (!this.inFlight.isEmpty()
					&& (this.inFlight.size() >= MAX_IN_FLIGHT || this.inFlight.peekFirst().receipt().isDone())) {
				complete(this.inFlight.removeFirst());
			}
		}

		void unreadable(long line, Exception ex) {
			this.unreadable++;
			logger.error(() -> "Line " + line + " is not a valid event, not sent to " + this.topic + ": "
					+ ex.getMessage());
		}

		int finish(String source) {
			while (!this.inFlight.isEmpty()) {
				complete(this.inFlight.removeFirst());
			}
			this.printer.shutdown();
			try {
				// Bounded: at most MAX_IN_FLIGHT lines are left to print.
				while (!this.printer.awaitTermination(10, TimeUnit.SECONDS)) {
					logger.info(() -> "Still writing the events sent to standard output");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.stdout.flush();
			double seconds = (System.nanoTime() - this.started) / 1e9;
			long total = this.sent + this.failed + this.unreadable;
			logger.info(() -> String.format("Sent %d of %d events from %s to %s in %.3f s (%.0f events/s)%s",
					this.sent, total, source, this.topic, seconds, (seconds > 0) ? this.sent / seconds : 0.0,
					(this.failed + this.unreadable > 0) ? "; " + this.failed + " refused, " + this.unreadable
							+ " not valid events (logged above)" : ""));
			return (this.failed + this.unreadable > 0) ? EventBusExitCodes.FAILURE : EventBusExitCodes.SUCCESS;
		}

		private void complete(Pending pending) {
			try {
				SendReceipt receipt = pending.receipt().join();
				this.sent++;
				logger.debug(() -> "Sent " + pending.where() + ": " + receipt);
				print(pending.event());
			}
			catch (CompletionException | CancellationException ex) {
				this.failed++;
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				logger.error(() -> pending.where() + ": could not send " + pending.event().type().type()
						+ " id=" + pending.event().metadata().id() + " to " + this.topic + ": " + cause.getMessage());
				logger.debug(cause, () -> "Failure of " + pending.where());
			}
		}

		private void print(OpenEdxEvent<?> event) {
			this.printing.acquireUninterruptibly();
			try {
				this.printer.execute(() -> {
					try {
						this.stdout.println(ProduceEventCommand.this.json.toJson(event));
					}
					finally {
						this.printing.release();
					}
				});
			}
			catch (RuntimeException ex) {
				this.printing.release();
				throw ex;
			}
		}

	}

	private record Pending(String where, OpenEdxEvent<?> event, CompletableFuture<SendReceipt> receipt) {
	}

}
