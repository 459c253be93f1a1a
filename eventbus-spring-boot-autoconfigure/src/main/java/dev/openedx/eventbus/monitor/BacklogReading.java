package dev.openedx.eventbus.monitor;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The last attempt to read one worker's backlog.
 *
 * @param worker the worker name
 * @param backlog what was read, or {@code null} when the read failed
 * @param error why the read failed, or {@code null}
 * @param readAt when it was attempted
 * @param processed messages the worker had handled or failed by then
 * @param lastProgressAt when the monitor first saw that count, so the last time the worker was seen making progress
 * (at the monitor's interval)
 * @since 0.1.0
 */
public record BacklogReading(String worker, @Nullable GroupBacklog backlog, @Nullable String error,
		Instant readAt, long processed, Instant lastProgressAt) {

}
