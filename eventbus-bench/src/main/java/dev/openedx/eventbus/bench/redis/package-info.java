/**
 * End-to-end benchmarks of the Redis transport against raw Lettuce on the same server in the same run.
 */
@NullMarked
package dev.openedx.eventbus.bench.redis;

import org.jspecify.annotations.NullMarked;
