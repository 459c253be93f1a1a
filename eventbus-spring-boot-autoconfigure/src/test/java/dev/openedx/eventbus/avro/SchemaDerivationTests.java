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

package dev.openedx.eventbus.avro;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.Schema;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.catalog.contentauthoring.CertificateConfigData;
import dev.openedx.eventbus.catalog.contentauthoring.ContentAuthoringEvents;

import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.UnserializableEventException;
import dev.openedx.eventbus.event.WireName;
import dev.openedx.eventbus.event.key.CourseKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SchemaDerivationTests {

	private final AvroEventCodec codec = new AvroEventCodec();

	static List<EventType<?>> busCapableCatalogTypes() {
		return OpenEdxCatalog.busCapable();
	}

	static List<EventType<?>> unserializableCatalogTypes() {
		return OpenEdxCatalog.all().stream().filter((type) -> !type.busCapable()).toList();
	}

	@ParameterizedTest
	@MethodSource("busCapableCatalogTypes")
	void everyBusCapableCatalogTypeDerivesExactlyItsReferenceSchema(EventType<?> type) throws IOException {
		Path current = Vectors.spec("schemas", "current", AvroSchemaGenerator.fileName(type));
		Path file = Files.exists(current) ? current : Vectors.spec("schemas", AvroSchemaGenerator.fileName(type));
		Schema reference = AvroEventCodec.parseSchema(Files.readString(file));
		Schema derived = this.codec.schema(type);
		assertThat(derived).isEqualTo(reference);
		// Avro's equality ignores doc; the text compares doc, defaults and every name strictly.
		assertThat(derived.toString()).isEqualTo(reference.toString());
	}

	@Test
	void theThreeCatalogTypesThatCannotTravelOnTheBusAreTheKnownUnserializableSignals() {
		assertThat(unserializableCatalogTypes()).map(EventType::type)
			.containsExactlyInAnyOrder("org.openedx.content_authoring.course.certificate_config.changed.v1",
					"org.openedx.content_authoring.course.certificate_config.deleted.v1",
					"org.openedx.learning.external_grader.score.submitted.v1");
	}

	@ParameterizedTest
	@MethodSource("unserializableCatalogTypes")
	void catalogTypesThatCannotTravelOnTheBusAreRefusedWithAClearError(EventType<?> type) {
		assertThatExceptionOfType(UnserializableEventException.class).isThrownBy(() -> this.codec.schema(type))
			.withMessageContaining("Event type '" + type.type() + "' cannot be sent on the event bus: ")
			.withMessageContaining(type.unserializableReason());
	}

	@Test
	void certificateConfigDataHasNoAvroMappingBecauseOfItsImage() {
		EventType<CertificateConfigData> type = EventType.of(
				ContentAuthoringEvents.COURSE_CERTIFICATE_CONFIG_CHANGED.type(), "certificate_config",
				CertificateConfigData.class);
		assertThatExceptionOfType(UnserializableEventException.class).isThrownBy(() -> this.codec.schema(type))
			.withMessageContaining(type.type())
			.withMessageContaining("field 'certificate_config.signatories[].image' has type java.io.InputStream");
	}

	@Test
	void everyMappedTypeGetsTheAvroTypeOpenedxEventsGivesIt() {
		EventType<Everything> type = EventType.of("org.acme.everything.v1", "everything", Everything.class);
		assertThat(this.codec.schema(type).toString()).isEqualTo("{\"type\":\"record\",\"name\":\"CloudEvent\","
				+ "\"namespace\":\"org.acme.everything.v1\","
				+ "\"doc\":\"Avro Event Format for CloudEvents created with openedx_events/schema\",\"fields\":["
				+ "{\"name\":\"everything\",\"type\":{\"type\":\"record\",\"name\":\"Everything\",\"fields\":["
				+ "{\"name\":\"text\",\"type\":\"string\"},{\"name\":\"count\",\"type\":\"long\"},"
				+ "{\"name\":\"boxed_count\",\"type\":\"long\"},{\"name\":\"small\",\"type\":\"long\"},"
				+ "{\"name\":\"ratio\",\"type\":\"double\"},{\"name\":\"flag\",\"type\":\"boolean\"},"
				+ "{\"name\":\"at\",\"type\":\"string\"},{\"name\":\"id\",\"type\":\"string\"},"
				+ "{\"name\":\"course_key\",\"type\":\"string\"},"
				+ "{\"name\":\"names\",\"type\":{\"type\":\"array\",\"items\":\"string\"}},"
				+ "{\"name\":\"scores\",\"type\":{\"type\":\"map\",\"values\":\"long\"}},"
				+ "{\"name\":\"nested\",\"type\":{\"type\":\"array\",\"items\":{\"type\":\"map\",\"values\":"
				+ "{\"type\":\"array\",\"items\":\"string\"}}}},"
				+ "{\"name\":\"Odd_Name\",\"type\":\"string\"},"
				+ "{\"name\":\"maybe\",\"type\":[\"null\",\"long\"],\"default\":null},"
				+ "{\"name\":\"maybe_map\",\"type\":[\"null\",{\"type\":\"map\",\"values\":\"string\"}],\"default\":null},"
				+ "{\"name\":\"part\",\"type\":{\"type\":\"record\",\"name\":\"Part\",\"fields\":["
				+ "{\"name\":\"label\",\"type\":\"string\"}]}},"
				+ "{\"name\":\"parts\",\"type\":{\"type\":\"array\",\"items\":\"Part\"}},"
				+ "{\"name\":\"optional_part\",\"type\":[\"null\",\"Part\"],\"default\":null}]}}]}");
	}

	@Test
	void recordWireNameAnnotationNamesTheAvroRecord() {
		EventType<Renamed> type = EventType.of("org.acme.renamed.v1", "renamed", Renamed.class);
		assertThat(this.codec.schema(type).getField("renamed").schema().getName()).isEqualTo("BookData");
	}

	@Test
	void namespaceThatAvroValidationRejectsStillWorks() {
		EventType<Renamed> type = EventType.of("org.openedx.enterprise.subsidy.redemption-reversed.v1", "redemption",
				Renamed.class);
		Schema schema = this.codec.schema(type);
		assertThat(schema.getFullName()).isEqualTo("org.openedx.enterprise.subsidy.redemption-reversed.v1.CloudEvent");
		assertThat(AvroEventCodec.parseSchema(schema.toString())).isEqualTo(schema);
	}

	@Test
	void recursiveRecordIsDefinedOnceAndReferredToByName() {
		EventType<Node> type = EventType.of("org.acme.tree.v1", "root", Node.class);
		assertThat(this.codec.schema(type).toString()).contains("{\"name\":\"children\",\"type\":{\"type\":\"array\","
				+ "\"items\":\"Node\"}}");
		Node tree = new Node("a", List.of(new Node("b", List.of()), new Node("c", List.of(new Node("d", List.of())))));
		assertThat(this.codec.decode(type, this.codec.encode(type, tree))).isEqualTo(tree);
	}

	@Test
	void inputStreamComponentFailsNamingTheEventTypeAndFieldPath() {
		EventType<ConfigData> type = EventType.of("org.acme.certificate_config.changed.v1",
				"certificate_config", ConfigData.class);
		assertThatExceptionOfType(UnserializableEventException.class).isThrownBy(() -> this.codec.schema(type))
			.withMessageContaining("org.acme.certificate_config.changed.v1")
			.withMessageContaining("field 'certificate_config.signatories[].image'")
			.withMessageContaining("java.io.InputStream");
	}

	@Test
	void failedDerivationFailsTheSameWayEveryTime() {
		EventType<ConfigData> type = EventType.of("org.acme.certificate_config.changed.v1",
				"certificate_config", ConfigData.class);
		String first = null;
		for (int i = 0; i < 2; i++) {
			try {
				this.codec.encode(type, new ConfigData("x", List.of()));
			}
			catch (UnserializableEventException ex) {
				assertThat(ex.getMessage()).isEqualTo((first != null) ? first : ex.getMessage());
				first = ex.getMessage();
			}
		}
		assertThat(first).contains("signatories[].image");
	}

	@Test
	void unsupportedTypeFailsNamingItAndTheSupportedTypes() {
		EventType<WithSet> type = EventType.of("org.acme.set.v1", "with_set", WithSet.class);
		assertThatExceptionOfType(UnserializableEventException.class).isThrownBy(() -> this.codec.schema(type))
			.withMessageContaining("org.acme.set.v1")
			.withMessageContaining("field 'with_set.names' has type java.util.Set<java.lang.String>")
			.withMessageContaining("supported:");
	}

	@Test
	void mapWithNonStringKeysFails() {
		EventType<WithLongKeys> type = EventType.of("org.acme.map.v1", "with_map", WithLongKeys.class);
		assertThatExceptionOfType(UnserializableEventException.class).isThrownBy(() -> this.codec.schema(type))
			.withMessageContaining("field 'with_map.counts'")
			.withMessageContaining("only have String keys");
	}

	@Test
	void nullableListElementsFail() {
		EventType<WithNullableItems> type = EventType.of("org.acme.items.v1", "items", WithNullableItems.class);
		assertThatExceptionOfType(UnserializableEventException.class).isThrownBy(() -> this.codec.schema(type))
			.withMessageContaining("field 'items.names[]' has a @Nullable element type");
	}

	@Test
	void twoRecordClassesWithOneAvroNameFail() {
		EventType<Clashing> type = EventType.of("org.acme.clash.v1", "clash", Clashing.class);
		assertThatExceptionOfType(UnserializableEventException.class).isThrownBy(() -> this.codec.schema(type))
			.withMessageContaining("field 'clash.second'")
			.withMessageContaining("Avro name 'Part' is already taken");
	}

	@Test
	void opaqueKeyWithoutFactoryFails() {
		EventType<WithBadKey> type = EventType.of("org.acme.badkey.v1", "bad", WithBadKey.class);
		assertThatExceptionOfType(UnserializableEventException.class).isThrownBy(() -> this.codec.schema(type))
			.withMessageContaining("field 'bad.key'")
			.withMessageContaining("no public static BadKey of(String)");
	}

	record Part(String label) {
	}

	record Everything(String text, long count, Long boxedCount, int small, double ratio, boolean flag,
			OffsetDateTime at, UUID id, CourseKey courseKey, List<String> names, Map<String, Long> scores,
			List<Map<String, List<String>>> nested, @WireName("Odd_Name") String oddName, @Nullable Long maybe,
			@Nullable Map<String, String> maybeMap, Part part, List<Part> parts, @Nullable Part optionalPart) {
	}

	@WireName("BookData")
	record Renamed(String title) {
	}

	record Node(String name, List<Node> children) {
	}

	record SignatoryData(InputStream image, String name) {
	}

	record ConfigData(String name, List<SignatoryData> signatories) {
	}

	record WithSet(Set<String> names) {
	}

	record WithLongKeys(Map<Long, String> counts) {
	}

	record WithNullableItems(List<@Nullable String> names) {
	}

	@WireName("Part")
	record OtherPart(long number) {
	}

	record Clashing(Part first, OtherPart second) {
	}

	static final class BadKey implements dev.openedx.eventbus.event.key.OpaqueKey {

	}

	record WithBadKey(BadKey key) {
	}

}
