/**
 * The Python-parity commands ({@code consume-events}, {@code produce-event}, {@code generate-avro-schemas}) that run
 * when an application starts with the command as its first argument, then exit with the command's status.
 */
@NullMarked
package dev.openedx.eventbus.autoconfigure.command;

import org.jspecify.annotations.NullMarked;
