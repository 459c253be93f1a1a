package dev.openedx.eventbus.kafka;

import java.util.List;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Captures what the event bus logs, to check that failures are logged with their coordinates.
 */
final class LogCapture implements AutoCloseable {

	private final Logger logger;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	LogCapture() {
		this.logger = (Logger) LoggerFactory.getLogger("dev.openedx.eventbus");
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	List<String> messages(Level level) {
		synchronized (this.appender) {
			return this.appender.list.stream()
				.filter((event) -> event.getLevel().equals(level))
				.map(ILoggingEvent::getFormattedMessage)
				.collect(Collectors.toList());
		}
	}

	String all() {
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
