package dev.openedx.eventbus.event.key;

/**
 * An Open edX opaque key (openedx/opaque-keys): a value with a canonical string form {@code <namespace>:<body>}
 * (or a deprecated form), which is what travels on the bus. Implementations are immutable, compare by their string
 * form, and have a {@code public static X of(String)} factory that checks the syntax the way the Python class's
 * {@code from_string} does and throws {@link InvalidOpaqueKeyException} otherwise. The codec finds that factory once
 * per key class.
 *
 * @since 0.1.0
 */
public interface OpaqueKey {

	/**
	 * The canonical string form, exactly what Python's {@code str(key)} gives.
	 * @return the key text, never {@code null}
	 */
	@Override
	String toString();

}
