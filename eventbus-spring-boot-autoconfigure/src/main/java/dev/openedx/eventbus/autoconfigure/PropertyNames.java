package dev.openedx.eventbus.autoconfigure;

/**
 * Property names as an error message should show them: map keys that contain a dot are written in brackets, so the
 * name can be pasted into a properties file.
 */
final class PropertyNames {

	private PropertyNames() {
	}

	static String key(String prefix, String key) {
		boolean plain = key.matches("[a-z0-9-]+");
		return plain ? prefix + "." + key : prefix + "[" + key + "]";
	}

}
