/**
 * The Java examples of the documentation that are not taken from the samples: compiled with the build, some also run
 * by {@code DocumentationExamplesTests}. The docs copy their tagged regions; {@code DocumentationTests} keeps the
 * copies exact.
 */
@NullMarked
package dev.openedx.eventbus.demo.examples;

import org.jspecify.annotations.NullMarked;
