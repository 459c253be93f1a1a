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

package dev.openedx.eventbus.testing;

import java.util.List;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Captures what the event bus logs, to check that failures are logged with their coordinates. Opened in a
 * {@code try} block around the part of a test whose logging it checks, not for the whole test.
 */
public final class LogCapture implements AutoCloseable {

	private final Logger logger;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	/**
	 * Capture everything the event bus logs.
	 */
	public LogCapture() {
		this((Logger) LoggerFactory.getLogger("dev.openedx.eventbus"));
	}

	/**
	 * Capture what one class logs.
	 * @param type the class whose logger to capture
	 */
	public LogCapture(Class<?> type) {
		this((Logger) LoggerFactory.getLogger(type));
	}

	private LogCapture(Logger logger) {
		this.logger = logger;
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	/**
	 * The messages logged so far, of every level.
	 * @return the formatted messages
	 */
	public List<String> messages() {
		synchronized (this.appender) {
			return this.appender.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
		}
	}

	/**
	 * The messages logged so far at one level.
	 * @param level the level
	 * @return the formatted messages
	 */
	public List<String> messages(Level level) {
		synchronized (this.appender) {
			return this.appender.list.stream()
				.filter((event) -> event.getLevel().equals(level))
				.map(ILoggingEvent::getFormattedMessage)
				.collect(Collectors.toList());
		}
	}

	/**
	 * Everything logged so far, one line each with its level, for assertion messages.
	 * @return the log text
	 */
	public String all() {
		synchronized (this.appender) {
			return this.appender.list.stream()
				.map((event) -> event.getLevel() + " " + event.getFormattedMessage())
				.collect(Collectors.joining("\n"));
		}
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
	}

}
