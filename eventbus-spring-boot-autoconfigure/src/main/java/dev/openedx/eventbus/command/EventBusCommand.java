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

import java.util.Optional;

/**
 * The commands an application runs when started with one as its first argument, the counterparts of the Python
 * management commands.
 *
 * @since 0.1.0
 */
public enum EventBusCommand {

	/** Consume a topic or stream with a consumer group, as {@code manage.py consume_events}. */
	CONSUME_EVENTS("consume-events", """
			consume-events -t TOPIC -g GROUP [-s EVENT_TYPE]... [--extra JSON] [--max-events N] [--output FILE|-]
			  -t, --topic          topic or stream, without prefix
			  -g, --group-id       consumer group (used verbatim)
			  -s, --event-type     hand only this event type to the listeners (repeatable)
			  --extra              JSON object: offset_time (kafka); consumer_name, check_backlog,
			                       last_read_msg_id, claim_msgs_older_than (redis)
			  --max-events         stop after this many events were handled, exit 0
			  --output             append each handled event as one JSON line to FILE, or - for stdout
			"""),

	/** Send events to a topic, as {@code manage.py produce_event}; many at once from a JSON-lines file or stdin. */
	PRODUCE_EVENT("produce-event", """
			produce-event -s EVENT_TYPE -t TOPIC [-k KEY_FIELD] -d JSON|@FILE|- [--count N]
			  -s, --event-type     event type, for example org.openedx.learning.auth.session.login.completed.v1
			  -t, --topic          topic or stream, without prefix
			  -k, --key-field      dotted path of the key in the data (required with kafka)
			  -d, --data           the data as JSON ({"<data key>": {...}}); or @FILE, or - for standard input:
			                       one event per line, its data or {"metadata": {...}, "data": {...}} as
			                       consume-events --output writes it (sent with that metadata)
			  --count              send each event this many times (data alone: each with fresh metadata)
			"""),

	/** Publish dead letters back to their topic or stream, once each (no Python counterpart). */
	REPLAY_DEAD_LETTERS("replay-dead-letters", """
			replay-dead-letters -t TOPIC [-g GROUP] [--ids ID,...] [--since TIME] [--until TIME] [--dry-run] [--force]
			  -t, --topic          the original topic or stream, without prefix; its dead letters are read from
			                       <topic>-dlt (kafka) or <stream>-dlq (redis)
			  -g, --group-id       only the dead letters of this consumer group
			  --ids                only these dead letters: partition@offset in the dead-letter topic (kafka),
			                       entry id in the dead-letter stream (redis), or event ids (repeatable)
			  --since, --until     only those whose original message was written in [since, until): ISO-8601
			                       with offset, for example 2026-01-08T06:46:22+00:00
			  --dry-run            list what would be replayed, send nothing
			  --force              replay dead letters that were replayed before too
			"""),

	/** Write the Avro schemas of event types, as {@code manage.py generate_avro_schemas}. */
	GENERATE_AVRO_SCHEMAS("generate-avro-schemas", """
			generate-avro-schemas EVENT_TYPE... | --all [--output DIR] [--overwrite]
			  --all                every event type that can travel on the bus
			  --output             directory to write the .avsc files to (default: the working directory)
			  --overwrite          replace existing schema files
			""");

	private final String commandName;

	private final String usage;

	EventBusCommand(String commandName, String usage) {
		this.commandName = commandName;
		this.usage = usage;
	}

	/**
	 * The name on the command line.
	 * @return for example {@code consume-events}
	 */
	public String commandName() {
		return this.commandName;
	}

	/**
	 * The usage text printed with a usage error.
	 * @return the text
	 */
	public String usage() {
		return "Usage: java -jar app.jar " + this.usage
				+ "  Spring Boot arguments such as --eventbus.transport=redis may be added anywhere.\n";
	}

	/**
	 * Find a command by name; the Python spelling with underscores ({@code consume_events}) is accepted too.
	 * @param name the first program argument
	 * @return the command, or empty when the argument is not a command
	 */
	public static Optional<EventBusCommand> find(String name) {
		String normalized = name.replace('_', '-');
		for (EventBusCommand command : values()) {
			if (command.commandName.equals(normalized)) {
				return Optional.of(command);
			}
		}
		return Optional.empty();
	}

}
