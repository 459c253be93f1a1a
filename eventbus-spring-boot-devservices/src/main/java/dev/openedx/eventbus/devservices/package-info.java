/**
 * Development services: an in-process KRaft Kafka broker and Confluent-compatible schema registry, started when a
 * development profile is active and no broker is configured, so a service runs on a machine with only a JDK.
 */
@NullMarked
package dev.openedx.eventbus.devservices;

import org.jspecify.annotations.NullMarked;
