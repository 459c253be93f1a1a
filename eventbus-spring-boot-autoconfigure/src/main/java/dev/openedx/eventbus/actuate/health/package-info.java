/**
 * The {@code eventbus} health contributor: broker and schema registry reachable, and each worker's condition (running,
 * idle, stopped on request, failing, stuck, at risk of losing entries to trimming, failed).
 */
@NullMarked
package dev.openedx.eventbus.actuate.health;

import org.jspecify.annotations.NullMarked;
