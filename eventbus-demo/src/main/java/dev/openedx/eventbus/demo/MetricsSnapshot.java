package dev.openedx.eventbus.demo;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The values of a service's meters at one moment, read from {@code /actuator/metrics}: every {@code eventbus.*}
 * meter (summed over its tags) and the HTTP requests that published events.
 *
 * @param service the service
 * @param values statistic values by {@code "<meter> <statistic>"}, for example {@code "eventbus.consumer.handled COUNT"}
 * @since 0.1.0
 */
record MetricsSnapshot(String service, Map<String, Double> values) {

	private static final List<String> SHOWN_STATISTICS = List.of("COUNT", "VALUE", "TOTAL", "TOTAL_TIME");

	static MetricsSnapshot read(SampleService service, HttpJson http) {
		Map<String, Double> values = new TreeMap<>();
		try {
			List<String> names = new ArrayList<>();
			for (JsonNode name : http.get(service.uri("/actuator/metrics")).path("names")) {
				if (name.asText().startsWith("eventbus.")) {
					names.add(name.asText());
				}
			}
			for (String name : names) {
				collect(values, name, http.get(service.uri("/actuator/metrics/" + name)));
			}
			// The requests that published events (the demo's own GETs are not interesting).
			collect(values, "http.server.requests{method=POST}",
					http.get(service.uri("/actuator/metrics/http.server.requests?tag="
							+ URLEncoder.encode("method:POST", StandardCharsets.UTF_8))));
		}
		catch (IOException ex) {
			throw new DemoException("Could not read the metrics of " + service.name() + ": " + ex.getMessage(), ex);
		}
		return new MetricsSnapshot(service.name(), values);
	}

	private static void collect(Map<String, Double> values, String name, JsonNode meter) {
		for (JsonNode measurement : meter.path("measurements")) {
			String statistic = measurement.path("statistic").asText();
			if (SHOWN_STATISTICS.contains(statistic)) {
				values.put(name + " " + statistic, measurement.path("value").asDouble());
			}
		}
	}

	/**
	 * The values that changed since an earlier snapshot, as table rows: service, meter, statistic, before, after.
	 * @param before the earlier snapshot of the same service
	 * @param table where the rows go
	 */
	void changesSince(MetricsSnapshot before, TextTable table) {
		this.values.forEach((key, after) -> {
			double earlier = before.values.getOrDefault(key, 0.0);
			if (after != earlier) {
				int space = key.lastIndexOf(' ');
				String statistic = key.substring(space + 1).toLowerCase(java.util.Locale.ROOT);
				boolean seconds = statistic.equals("total_time");
				table.row(this.service, key.substring(0, space), seconds ? "total time (ms)" : statistic,
						format(seconds ? earlier * 1000 : earlier), format(seconds ? after * 1000 : after));
			}
		});
	}

	private static String format(double value) {
		return (value == Math.rint(value) && Math.abs(value) < 1e15) ? Long.toString((long) value)
				: String.format(java.util.Locale.ROOT, "%.1f", value);
	}

}
