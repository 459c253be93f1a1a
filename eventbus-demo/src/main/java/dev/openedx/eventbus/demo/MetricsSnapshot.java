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
 * meter (summed over its tags, apart per {@code outcome}) and the HTTP requests that published events.
 *
 * @param service the service
 * @param values statistic values by {@code "<meter> <statistic>"}, for example
 * {@code "eventbus.consumer.handling COUNT"}
 * @since 0.1.0
 */
record MetricsSnapshot(String service, Map<String, Double> values) {

	private static final List<String> SHOWN_STATISTICS = List.of("COUNT", "VALUE", "TOTAL", "TOTAL_TIME");

	static MetricsSnapshot read(SampleService service, HttpJson http) {
		Map<String, Double> values = new TreeMap<>();
		try {
			List<String> names = new ArrayList<>();
			for (JsonNode name : http.get(service.uri("/actuator/metrics")).path("names")) {
				// Elapsed-time gauges move by themselves; summed over topics they mean nothing.
				if (name.asText().startsWith("eventbus.") && !name.asText().contains("time.since")) {
					names.add(name.asText());
				}
			}
			for (String name : names) {
				JsonNode meter = http.get(service.uri("/actuator/metrics/" + name));
				List<String> outcomes = outcomes(meter);
				if (outcomes.isEmpty()) {
					collect(values, name, meter);
				}
				for (String outcome : outcomes) {
					collect(values, name + "{outcome=" + outcome + "}", http.get(service.uri("/actuator/metrics/"
							+ name + "?tag=" + URLEncoder.encode("outcome:" + outcome, StandardCharsets.UTF_8))));
				}
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

	/** The values of the meter's {@code outcome} tag ({@code success}, {@code failure}), shown apart. */
	private static List<String> outcomes(JsonNode meter) {
		List<String> outcomes = new ArrayList<>();
		for (JsonNode tag : meter.path("availableTags")) {
			if (tag.path("tag").asText().equals("outcome")) {
				tag.path("values").forEach((value) -> outcomes.add(value.asText()));
			}
		}
		outcomes.sort(null);
		return outcomes;
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
