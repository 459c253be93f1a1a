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

package dev.openedx.eventbus.observation;

import brave.Tracing;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.sampler.Sampler;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;

/**
 * A real tracer for tests, set up as Spring Boot sets up Brave with W3C propagation: an observation registry whose
 * handlers make spans, write the trace context into outgoing messages and read it from incoming ones.
 */
public final class TestTracing implements AutoCloseable {

	private final Tracing tracing;

	private final Tracer tracer;

	private final ObservationRegistry registry;

	public TestTracing() {
		this.tracing = Tracing.newBuilder()
			.propagationFactory(new W3CPropagation())
			.currentTraceContext(ThreadLocalCurrentTraceContext.newBuilder().build())
			.traceId128Bit(true)
			.sampler(Sampler.ALWAYS_SAMPLE)
			.build();
		this.tracer = new BraveTracer(this.tracing.tracer(),
				new BraveCurrentTraceContext(this.tracing.currentTraceContext()));
		BravePropagator propagator = new BravePropagator(this.tracing);
		this.registry = ObservationRegistry.create();
		this.registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(this.tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(this.tracer, propagator),
					new DefaultTracingObservationHandler(this.tracer)));
	}

	public Tracer tracer() {
		return this.tracer;
	}

	public ObservationRegistry registry() {
		return this.registry;
	}

	/** An observation registry that observes but has no tracer: observations happen, nothing is propagated. */
	public static ObservationRegistry withoutTracer() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler((context) -> true);
		return registry;
	}

	@Override
	public void close() {
		this.tracing.close();
	}

}
