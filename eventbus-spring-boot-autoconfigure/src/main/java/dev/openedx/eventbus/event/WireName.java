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

package dev.openedx.eventbus.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides the name a record or record component has on the wire (its Avro record or field name, and its JSON
 * name). Without it a component {@code courseKey} is the field {@code course_key}, and a record is named by its
 * simple class name, which is how the catalog mirrors the Python attrs classes.
 * <pre class="code">
 * public record BookLoanData(&#64;WireName("ISBN") String isbn, long loanDays) { }
 * </pre>
 *
 * @since 0.1.0
 */
@Target({ ElementType.RECORD_COMPONENT, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WireName {

	/**
	 * The name on the wire.
	 * @return the name
	 */
	String value();

}
