/**
 * Opaque keys (course, usage, library keys) as small value types that check their syntax when built, so a key a
 * Python consumer could not parse is refused in Java before it is sent. On the wire each is its string form.
 */
@NullMarked
package dev.openedx.eventbus.event.key;

import org.jspecify.annotations.NullMarked;
