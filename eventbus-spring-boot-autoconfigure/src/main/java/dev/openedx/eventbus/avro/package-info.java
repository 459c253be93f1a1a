/**
 * Avro for Open edX events: schema derivation from data records, the binary codec, the JSON form and the schema
 * generator; the only package that uses Apache Avro.
 */
@NullMarked
package dev.openedx.eventbus.avro;

import org.jspecify.annotations.NullMarked;
