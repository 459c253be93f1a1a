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

/**
 * The transport-neutral consumer engine shared by the Kafka and Redis workers: the poll, decode, dispatch,
 * acknowledge loop; failure classification, bounded retry, failure policies and the consecutive-errors limit; worker
 * state and counters for health and metrics. Transports plug in a {@link dev.openedx.eventbus.consumer.MessageSource},
 * a {@link dev.openedx.eventbus.consumer.MessageDecoder} and, for dead letters, a
 * {@link dev.openedx.eventbus.consumer.FailureRecoverer}; each builds its workers from a
 * {@link dev.openedx.eventbus.consumer.ConsumerSettings} through its
 * {@link dev.openedx.eventbus.consumer.EventBusConsumerFactory}.
 */
@NullMarked
package dev.openedx.eventbus.consumer;

import org.jspecify.annotations.NullMarked;
