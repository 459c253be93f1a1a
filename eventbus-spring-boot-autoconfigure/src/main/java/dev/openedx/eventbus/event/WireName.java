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
