package dev.openedx.eventbus.avro;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.Schema;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.openedx.eventbus.avro.fixtures.FixtureCourseKey;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.UnserializableEventException;
import dev.openedx.eventbus.event.WireName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SchemaDerivationTests {

	private final AvroEventCodec codec = new AvroEventCodec();

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
		EventType<CertificateConfigData> type = EventType.of("org.acme.certificate_config.changed.v1",
				"certificate_config", CertificateConfigData.class);
		assertThatExceptionOfType(UnserializableEventException.class).isThrownBy(() -> this.codec.schema(type))
			.withMessageContaining("org.acme.certificate_config.changed.v1")
			.withMessageContaining("field 'certificate_config.signatories[].image'")
			.withMessageContaining("java.io.InputStream");
	}

	@Test
	void failedDerivationFailsTheSameWayEveryTime() {
		EventType<CertificateConfigData> type = EventType.of("org.acme.certificate_config.changed.v1",
				"certificate_config", CertificateConfigData.class);
		String first = null;
		for (int i = 0; i < 2; i++) {
			try {
				this.codec.encode(type, new CertificateConfigData("x", List.of()));
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
			OffsetDateTime at, UUID id, FixtureCourseKey courseKey, List<String> names, Map<String, Long> scores,
			List<Map<String, List<String>>> nested, @WireName("Odd_Name") String oddName, @Nullable Long maybe,
			@Nullable Map<String, String> maybeMap, Part part, List<Part> parts, @Nullable Part optionalPart) {
	}

	@WireName("BookData")
	record Renamed(String title) {
	}

	record Node(String name, List<Node> children) {
	}

	record CertificateSignatoryData(InputStream image, String name) {
	}

	record CertificateConfigData(String name, List<CertificateSignatoryData> signatories) {
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
