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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.catalog.contentauthoring.ContentAuthoringEvents;
import dev.openedx.eventbus.catalog.contentauthoring.XBlockData;
import dev.openedx.eventbus.catalog.learning.CourseData;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.catalog.learning.UserData;
import dev.openedx.eventbus.catalog.learning.UserPersonalData;
import dev.openedx.eventbus.event.EventDecodingException;
import dev.openedx.eventbus.event.EventEncodingException;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.UnserializableEventException;
import dev.openedx.eventbus.event.WireName;
import dev.openedx.eventbus.event.key.CourseKey;
import dev.openedx.eventbus.event.key.InvalidOpaqueKeyException;
import dev.openedx.eventbus.event.key.UsageKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AvroEventCodecTests {

	private static final String ENROLLMENT = "org.openedx.learning.course.enrollment.created.v1";

	private static final String XBLOCK_PUBLISHED = "org.openedx.content_authoring.xblock.published.v1";

	private final AvroEventCodec codec = new AvroEventCodec();

	private final EventJson json = new EventJson(Vectors.catalog(), this.codec);

	static List<Vectors> vectors() {
		return Vectors.all();
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void derivedSchemaEqualsTheSchemaOfTheVector(Vectors vector) {
		Schema expected = AvroEventCodec.parseSchema(vector.schema().toString());
		Schema derived = this.codec.schema(vector.type());
		assertThat(derived).isEqualTo(expected);
		assertThat(derived.toString()).isEqualTo(expected.toString());
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void encodingTheVectorDataGivesExactlyTheVectorBytes(Vectors vector) {
		assertThat(hex(encode(vector.type(), vector.dataJson()))).isEqualTo(hex(vector.value()));
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void decodingTheVectorBytesGivesExactlyTheVectorData(Vectors vector) throws IOException {
		Object decoded = this.codec.decode(vector.type(), vector.value());
		assertThat(Vectors.JSON.readTree(dataToJson(vector.type(), decoded))).isEqualTo(vector.data());
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void decodingAPartOfAnArrayReadsOnlyThatPart(Vectors vector) throws IOException {
		byte[] framed = new byte[vector.value().length + 7];
		System.arraycopy(vector.value(), 0, framed, 5, vector.value().length);
		Object decoded = this.codec.decode(vector.type(), framed, 5, vector.value().length);
		assertThat(Vectors.JSON.readTree(dataToJson(vector.type(), decoded))).isEqualTo(vector.data());
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void keyFieldOfTheVectorEncodesToTheVectorKeyBytes(Vectors vector) {
		EventKeyField key = this.codec.keyField(vector.type(), vector.eventKeyField());
		Object data = this.codec.decode(vector.type(), vector.value());
		assertThat(key.primitiveName()).isEqualTo("string");
		assertThat(key.schema()).isEqualTo(Schema.create(Schema.Type.STRING));
		assertThat(key.value(data)).isEqualTo(vector.eventKey());
		assertThat(hex(key.encode(data))).isEqualTo(hex(vector.keyAvro()));
	}

	static List<EventType<?>> busCapableCatalogTypes() {
		return OpenEdxCatalog.busCapable();
	}

	@ParameterizedTest
	@MethodSource("busCapableCatalogTypes")
	void everyBusCapableCatalogTypeRoundTripsAndApacheAvroReadsItsBytes(EventType<?> type) throws IOException {
		for (boolean optionals : new boolean[] { false, true }) {
			Object sample = SampleData.of(this.codec.model(type).data(), optionals);
			byte[] bytes = encodeObject(type, sample);
			assertThat(this.codec.decode(type, bytes)).as("%s %s", type, optionals).isEqualTo(sample);
			// What the outbox relies on: re-encoding the decoded data gives the very bytes stored.
			assertThat(hex(encodeObject(type, this.codec.decode(type, bytes)))).isEqualTo(hex(bytes));
			assertThat(this.json.dataFromJson(type, dataToJson(type, sample))).isEqualTo(sample);

			Schema schema = this.codec.schema(type);
			BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
			Object generic = new GenericDatumReader<Object>(schema).read(null, decoder);
			assertThat(decoder.isEnd()).isTrue();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
			new SortedMapsWriter(schema).write(generic, encoder);
			encoder.flush();
			assertThat(hex(out.toByteArray())).isEqualTo(hex(bytes));
		}
	}

	/**
	 * Apache Avro's generic writer, writing map entries sorted as Python does (its reader returns hash maps).
	 */
	private static final class SortedMapsWriter extends GenericDatumWriter<Object> {

		SortedMapsWriter(Schema schema) {
			super(schema);
		}

		@Override
		protected void writeMap(Schema schema, Object datum, Encoder out) throws IOException {
			Map<String, Object> sorted = new TreeMap<>();
			((Map<?, ?>) datum).forEach((key, value) -> sorted.put(key.toString(), value));
			super.writeMap(schema, sorted, out);
		}

	}

	@Test
	void schemaIsDerivedOncePerEventType() {
		assertThat(this.codec.schema(LearningEvents.COURSE_ENROLLMENT_CREATED))
			.isSameAs(this.codec.schema(LearningEvents.COURSE_ENROLLMENT_CREATED));
	}

	@Test
	void recordClassUsedByTwoEventTypesGetsEachEventTypesNamespace() {
		assertThat(this.codec.schema(ContentAuthoringEvents.XBLOCK_CREATED).getField("xblock_info").schema().getFullName())
			.isEqualTo("org.openedx.content_authoring.xblock.created.v1.XBlockData");
		assertThat(this.codec.schema(ContentAuthoringEvents.XBLOCK_PUBLISHED).getField("xblock_info").schema().getFullName())
			.isEqualTo("org.openedx.content_authoring.xblock.published.v1.XBlockData");
	}

	@Test
	void encodingEqualsApacheAvroGenericEncodingOfTheSameValues() throws IOException {
		CourseEnrollmentData enrollment = enrollment();
		Schema schema = this.codec.schema(LearningEvents.COURSE_ENROLLMENT_CREATED);
		Schema enrollmentSchema = schema.getField("enrollment").schema();
		Schema userSchema = enrollmentSchema.getField("user").schema();
		GenericRecord pii = new GenericData.Record(userSchema.getField("pii").schema());
		pii.put("username", "ada");
		pii.put("email", "ada@example.com");
		pii.put("name", "Ada Lovelace");
		GenericRecord user = new GenericData.Record(userSchema);
		user.put("id", 1000L);
		user.put("is_active", true);
		user.put("pii", pii);
		GenericRecord course = new GenericData.Record(enrollmentSchema.getField("course").schema());
		course.put("course_key", "course-v1:edX+DemoX+2026");
		course.put("display_name", "Demo");
		course.put("start", "2026-01-05T00:00:00+00:00");
		course.put("end", null);
		GenericRecord data = new GenericData.Record(enrollmentSchema);
		data.put("user", user);
		data.put("course", course);
		data.put("mode", "audit");
		data.put("is_active", true);
		data.put("creation_date", "2026-03-14T15:09:26.535897+00:00");
		data.put("created_by", null);
		GenericRecord cloudEvent = new GenericData.Record(schema);
		cloudEvent.put("enrollment", data);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
		new GenericDatumWriter<GenericRecord>(schema).write(cloudEvent, encoder);
		encoder.flush();
		assertThat(hex(this.codec.encode(LearningEvents.COURSE_ENROLLMENT_CREATED, enrollment)))
			.isEqualTo(hex(out.toByteArray()));
	}

	@Test
	void encodeThenDecodeGivesAnEqualRecord() {
		CourseEnrollmentData enrollment = enrollment();
		byte[] bytes = this.codec.encode(LearningEvents.COURSE_ENROLLMENT_CREATED, enrollment);
		assertThat(this.codec.decode(LearningEvents.COURSE_ENROLLMENT_CREATED, bytes)).isEqualTo(enrollment);
	}

	@Test
	void mapEntriesAreWrittenInSortedKeyOrderWhateverTheMapOrder() {
		EventType<Tagged> type = EventType.of("org.acme.tagged.v1", "tagged", Tagged.class);
		Map<String, String> unsorted = new LinkedHashMap<>();
		unsorted.put("b", "2");
		unsorted.put("a", "1");
		unsorted.put("\uD83D\uDE00", "4");
		unsorted.put("\uFF5E", "3");
		// Python sorts by code point: a < b < U+FF5E < U+1F600 (UTF-16 order would put the emoji first).
		String expected = "08" + "0261" + "0231" + "0262" + "0232" + "06efbd9e" + "0233" + "08f09f9880" + "0234" + "00";
		assertThat(hex(this.codec.encode(type, new Tagged(unsorted)))).isEqualTo(expected);
		assertThat(hex(this.codec.encode(type, new Tagged(new HashMap<>(unsorted))))).isEqualTo(expected);
		assertThat(this.codec.decode(type, HexFormat.of().parseHex(expected)).labels()).isEqualTo(unsorted);
	}

	@Test
	void naiveDateTimeTextIsReadAsUtc() {
		EventType<RawCourse> raw = EventType.of(ENROLLMENT, "enrollment", RawCourse.class);
		EventType<CourseOnly> typed = EventType.of(ENROLLMENT, "enrollment", CourseOnly.class);
		byte[] bytes = this.codec.encode(raw, new RawCourse("course-v1:edX+DemoX+2026", "2024-01-02T03:04:05"));
		assertThat(this.codec.decode(typed, bytes).start())
			.isEqualTo(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
	}

	@Test
	void nullInARequiredFieldFailsNamingTheEventTypeAndFieldPath() {
		CourseEnrollmentData enrollment = new CourseEnrollmentData(user(7, "x@example.com"), course(), null, true,
				OffsetDateTime.now(ZoneOffset.UTC), null);
		assertThatExceptionOfType(EventEncodingException.class)
			.isThrownBy(() -> this.codec.encode(LearningEvents.COURSE_ENROLLMENT_CREATED, enrollment))
			.withMessageContaining(ENROLLMENT)
			.withMessageContaining("field 'enrollment.mode' is null, but it is required");
	}

	@Test
	void nullInARequiredFieldOfANestedRecordIsReportedWithItsFullPath() {
		CourseEnrollmentData enrollment = new CourseEnrollmentData(user(7, "x@example.com"), course(), "audit", true,
				OffsetDateTime.now(ZoneOffset.UTC), user(8, null));
		assertThatExceptionOfType(EventEncodingException.class)
			.isThrownBy(() -> this.codec.encode(LearningEvents.COURSE_ENROLLMENT_CREATED, enrollment))
			.withMessageContaining(ENROLLMENT)
			.withMessageContaining("field 'enrollment.created_by.pii.email' is null");
	}

	@Test
	void nullDataFailsNamingTheDataKey() {
		assertThatExceptionOfType(EventEncodingException.class)
			.isThrownBy(() -> this.codec.encode(LearningEvents.COURSE_ENROLLMENT_CREATED, null))
			.withMessageContaining(ENROLLMENT)
			.withMessageContaining("field 'enrollment' is null");
	}

	@Test
	void truncatedBytesFailNamingTheEventTypeAndTheFieldWhereTheInputEnded() {
		Vectors vector = vector(ENROLLMENT);
		byte[] truncated = Arrays.copyOf(vector.value(), vector.value().length - 3);
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.codec.decode(vector.type(), truncated))
			.withMessageContaining(ENROLLMENT)
			.withMessageContaining("truncated data")
			.withMessageContaining("field 'enrollment.created_by.pii.name'");
	}

	@Test
	void emptyInputFailsAsTruncated() {
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.codec.decode(LearningEvents.COURSE_ENROLLMENT_CREATED, new byte[0]))
			.withMessageContaining(ENROLLMENT)
			.withMessageContaining("truncated data (0 bytes)")
			.withMessageContaining("field 'enrollment.user.id'");
	}

	@Test
	void garbageBytesFailNamingTheEventTypeAndField() {
		byte[] garbage = vector("org.openedx.learning.course.passing.status.updated.v1").value().clone();
		garbage[0] = 0x05;
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.codec.decode(LearningEvents.COURSE_PASSING_STATUS_UPDATED, garbage))
			.withMessageContaining("org.openedx.learning.course.passing.status.updated.v1")
			.withMessageContaining("malformed data")
			.withMessageContaining("field 'course_passing_status.is_passing'");
	}

	@Test
	void garbageStringLengthFailsWithoutAllocatingIt() {
		// A string length of about 2^62 right at the start, where usage_key is.
		byte[] garbage = HexFormat.of().parseHex("fefffffffffffffffe7f00");
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.codec.decode(ContentAuthoringEvents.XBLOCK_PUBLISHED, garbage))
			.withMessageContaining(XBLOCK_PUBLISHED)
			.withMessageContaining("field 'xblock_info.usage_key'");
	}

	@Test
	void invalidUnionBranchFailsNamingTheField() {
		byte[] bytes = this.codec.encode(ContentAuthoringEvents.XBLOCK_PUBLISHED,
				new XBlockData(UsageKey.of("block-v1:edX+D+R+type@html+block@b1"), "html", null));
		bytes[bytes.length - 1] = 0x08;
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.codec.decode(ContentAuthoringEvents.XBLOCK_PUBLISHED, bytes))
			.withMessageContaining("field 'xblock_info.version' is malformed: union branch 4");
	}

	@Test
	void invalidUtf8FailsNamingTheField() {
		byte[] bytes = HexFormat.of().parseHex("04c328" + "0474" + "00");
		EventType<Pair> type = EventType.of("org.acme.pair.v1", "pair", Pair.class);
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.codec.decode(type, bytes))
			.withMessageContaining("field 'pair.left' is malformed: the string is not valid UTF-8");
	}

	@Test
	void replacementCharacterInTheInputIsNotMistakenForInvalidUtf8() {
		EventType<Pair> type = EventType.of("org.acme.pair.v1", "pair", Pair.class);
		Pair pair = new Pair("a\uFFFDb", "\u00e9");
		assertThat(this.codec.decode(type, this.codec.encode(type, pair))).isEqualTo(pair);
	}

	@Test
	void recordsWithManyComponentsRoundTrip() {
		EventType<Wide> type = EventType.of("org.acme.wide.v1", "wide", Wide.class);
		Wide wide = new Wide(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
				"last");
		assertThat(this.codec.decode(type, this.codec.encode(type, wide))).isEqualTo(wide);
	}

	@Test
	void trailingBytesFailAsASchemaMismatch() {
		Vectors vector = vector(XBLOCK_PUBLISHED);
		byte[] longer = Arrays.copyOf(vector.value(), vector.value().length + 2);
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.codec.decode(vector.type(), longer))
			.withMessageContaining(XBLOCK_PUBLISHED)
			.withMessageContaining("2 bytes are left after the end of the record")
			.withMessageContaining("schema mismatch");
	}

	@Test
	void opaqueKeyThatDoesNotParseFailsNamingTheFieldWithTheKeyExceptionAsCause() {
		EventType<RawXBlock> raw = EventType.of(XBLOCK_PUBLISHED, "xblock_info", RawXBlock.class);
		byte[] bytes = this.codec.encode(raw, new RawXBlock("not-a-usage-key", "html", null));
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.codec.decode(ContentAuthoringEvents.XBLOCK_PUBLISHED, bytes))
			.withMessageContaining(XBLOCK_PUBLISHED)
			.withMessageContaining("field 'xblock_info.usage_key' does not hold a valid UsageKey")
			.withMessageContaining("'not-a-usage-key'")
			.withCauseInstanceOf(InvalidOpaqueKeyException.class);
	}

	@Test
	void malformedDateTimeFailsNamingTheField() {
		EventType<RawCourse> raw = EventType.of(ENROLLMENT, "enrollment", RawCourse.class);
		EventType<CourseOnly> typed = EventType.of(ENROLLMENT, "enrollment", CourseOnly.class);
		byte[] bytes = this.codec.encode(raw, new RawCourse("course-v1:edX+DemoX+2026", "2026-13-45T00:00:00"));
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.codec.decode(typed, bytes))
			.withMessageContaining(ENROLLMENT)
			.withMessageContaining("field 'enrollment.start' holds '2026-13-45T00:00:00', which is not a date-time");
	}

	@Test
	void dataWrittenWithAnOlderWriterSchemaDecodesIntoTheCurrentRecord() throws IOException {
		Schema stored = AvroEventCodec.parseSchema(Files.readString(
				Vectors.spec("schemas", "org+openedx+content_authoring+xblock+published+v1_schema.avsc")));
		assertThat(stored.getField("xblock_info").schema().getField("version")).isNull();
		EventType<XBlockDataV0> old = EventType.of(XBLOCK_PUBLISHED, "xblock_info", XBlockDataV0.class);
		assertThat(this.codec.schema(old)).isEqualTo(stored);
		byte[] bytes = this.codec.encode(old, new XBlockDataV0("block-v1:edX+D+R+type@html+block@b1", "html"));

		XBlockData decoded = this.codec.decode(ContentAuthoringEvents.XBLOCK_PUBLISHED, bytes, 0, bytes.length, stored);

		assertThat(decoded).isEqualTo(new XBlockData(UsageKey.of("block-v1:edX+D+R+type@html+block@b1"), "html",
				null));
	}

	@Test
	void dataWrittenWithANewerWriterSchemaSkipsTheFieldsTheReaderLacks() {
		EventType<XBlockDataV2> newer = EventType.of(XBLOCK_PUBLISHED, "xblock_info", XBlockDataV2.class);
		Schema writer = this.codec.schema(newer);
		byte[] bytes = this.codec.encode(newer,
				new XBlockDataV2("block-v1:edX+D+R+type@html+block@b1", 42L, "html",
						"block-v1:edX+D+R+type@html+block@b1v7", List.of("x", "y")));

		XBlockData decoded = this.codec.decode(ContentAuthoringEvents.XBLOCK_PUBLISHED, bytes, 0, bytes.length, writer);

		assertThat(decoded).isEqualTo(new XBlockData(UsageKey.of("block-v1:edX+D+R+type@html+block@b1"), "html",
				UsageKey.of("block-v1:edX+D+R+type@html+block@b1v7")));
	}

	@Test
	void writerSchemaEqualToTheReaderSchemaDecodesLikeThePlainDecode() {
		Vectors vector = vector(XBLOCK_PUBLISHED);
		Schema writer = AvroEventCodec.parseSchema(vector.schema().toString());
		Object decoded = this.codec.decode(ContentAuthoringEvents.XBLOCK_PUBLISHED, vector.value(), 0, vector.value().length,
				writer);
		assertThat(decoded).isEqualTo(this.codec.decode(ContentAuthoringEvents.XBLOCK_PUBLISHED, vector.value()));
	}

	@Test
	void writerSchemaThatCannotBeResolvedFailsNamingTheIncompatibility() {
		EventType<RawXBlockWithoutType> other = EventType.of(XBLOCK_PUBLISHED, "xblock_info",
				RawXBlockWithoutType.class);
		Schema writer = this.codec.schema(other);
		byte[] bytes = this.codec.encode(other, new RawXBlockWithoutType("block-v1:edX+D+R+type@html+block@b1"));
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.codec.decode(ContentAuthoringEvents.XBLOCK_PUBLISHED, bytes, 0, bytes.length, writer))
			.withMessageContaining(XBLOCK_PUBLISHED)
			.withMessageContaining("cannot be read as this event type")
			.withMessageContaining("block_type");
	}

	@Test
	void truncatedBytesWithAWriterSchemaFailNamingTheField() {
		Schema writer = this.codec.schema(EventType.of(XBLOCK_PUBLISHED, "xblock_info", XBlockDataV0.class));
		EventType<XBlockDataV0> old = EventType.of(XBLOCK_PUBLISHED, "xblock_info", XBlockDataV0.class);
		byte[] bytes = this.codec.encode(old, new XBlockDataV0("block-v1:edX+D+R+type@html+block@b1", "html"));
		byte[] truncated = Arrays.copyOf(bytes, bytes.length - 2);
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.codec.decode(ContentAuthoringEvents.XBLOCK_PUBLISHED, truncated, 0, truncated.length, writer))
			.withMessageContaining(XBLOCK_PUBLISHED)
			.withMessageContaining("field 'xblock_info.block_type'");
	}

	@Test
	void userDefinedEventTypeWorksEndToEnd() throws IOException {
		EventType<BookLoanData> loaned = EventType.of("org.acme.library.book.loaned.v1", "loan", BookLoanData.class);
		BookLoanData loan = new BookLoanData("978-0262033848", new Borrower(42L, "Grace Hopper"), 21,
				OffsetDateTime.of(2026, 2, 1, 9, 30, 0, 0, ZoneOffset.ofHours(1)), null, List.of("algorithms", "mit"));

		assertThat(this.codec.schema(loaned).toString()).isEqualTo("{\"type\":\"record\",\"name\":\"CloudEvent\","
				+ "\"namespace\":\"org.acme.library.book.loaned.v1\","
				+ "\"doc\":\"Avro Event Format for CloudEvents created with openedx_events/schema\",\"fields\":["
				+ "{\"name\":\"loan\",\"type\":{\"type\":\"record\",\"name\":\"BookLoanData\",\"fields\":["
				+ "{\"name\":\"ISBN\",\"type\":\"string\"},"
				+ "{\"name\":\"borrower\",\"type\":{\"type\":\"record\",\"name\":\"Borrower\",\"fields\":["
				+ "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"name\",\"type\":\"string\"}]}},"
				+ "{\"name\":\"loan_days\",\"type\":\"long\"},{\"name\":\"due_at\",\"type\":\"string\"},"
				+ "{\"name\":\"returned_at\",\"type\":[\"null\",\"string\"],\"default\":null},"
				+ "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"}}]}}]}");

		byte[] bytes = this.codec.encode(loaned, loan);
		assertThat(hex(bytes)).isEqualTo("1c3937382d30323632303333383438" + "54" + "18477261636520486f70706572" + "2a"
				+ "32323032362d30322d30315430393a33303a30302b30313a3030" + "00" + "04" + "14616c676f726974686d73"
				+ "066d6974" + "00");
		assertThat(this.codec.decode(loaned, bytes)).isEqualTo(loan);

		String text = this.json.dataToJson(loaned, loan);
		assertThat(Vectors.JSON.readTree(text)).isEqualTo(Vectors.JSON.readTree("{\"loan\": {\"ISBN\": "
				+ "\"978-0262033848\", \"borrower\": {\"id\": 42, \"name\": \"Grace Hopper\"}, \"due_at\": "
				+ "\"2026-02-01T09:30:00+01:00\", \"loan_days\": 21, \"returned_at\": null, \"tags\": "
				+ "[\"algorithms\", \"mit\"]}}"));
		assertThat(this.json.dataFromJson(loaned, text)).isEqualTo(loan);

		EventKeyField key = this.codec.keyField(loaned, "loan.borrower.id");
		assertThat(key.primitiveName()).isEqualTo("long");
		assertThat(key.value(loan)).isEqualTo(42L);
		assertThat(hex(key.encode(loan))).isEqualTo("54");
	}

	@Test
	void unserializableEventTypeIsRefusedWithItsReason() {
		EventType<XBlockData> type = EventType.unserializable("org.acme.not.on.bus.v1", "xblock_info",
				XBlockData.class, "listed in KNOWN_UNSERIALIZABLE_SIGNALS");
		assertThatExceptionOfType(UnserializableEventException.class).isThrownBy(() -> this.codec.schema(type))
			.withMessageContaining("org.acme.not.on.bus.v1")
			.withMessageContaining("listed in KNOWN_UNSERIALIZABLE_SIGNALS");
		assertThatExceptionOfType(UnserializableEventException.class)
			.isThrownBy(() -> this.codec.encode(type,
					new XBlockData(UsageKey.of("block-v1:a+b+c+type@x+block@y"), "x", null)))
			.withMessageContaining("org.acme.not.on.bus.v1");
	}

	private <D> byte[] encodeObject(EventType<D> type, Object data) {
		return this.codec.encode(type, type.cast(data));
	}

	private byte[] encode(EventType<?> type, String dataJson) {
		return encodeTyped(type, dataJson);
	}

	private <D> byte[] encodeTyped(EventType<D> type, String dataJson) {
		return this.codec.encode(type, this.json.dataFromJson(type, dataJson));
	}

	@SuppressWarnings("unchecked")
	private <D> String dataToJson(EventType<D> type, Object data) {
		return this.json.dataToJson(type, (D) data);
	}

	private static Vectors vector(String eventType) {
		return Vectors.all().stream().filter((vector) -> vector.eventType().equals(eventType)).findFirst().orElseThrow();
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	static CourseEnrollmentData enrollment() {
		return new CourseEnrollmentData(user(1000, "ada@example.com"), course(), "audit", true,
				OffsetDateTime.of(2026, 3, 14, 15, 9, 26, 535897000, ZoneOffset.UTC), null);
	}

	static UserData user(long id, @Nullable String email) {
		return new UserData(id, true, new UserPersonalData("ada", email, "Ada Lovelace"));
	}

	static CourseData course() {
		return new CourseData(CourseKey.of("course-v1:edX+DemoX+2026"), "Demo",
				OffsetDateTime.of(2026, 1, 5, 0, 0, 0, 0, ZoneOffset.UTC), null);
	}

	record Tagged(Map<String, String> labels) {
	}

	record Borrower(long id, String name) {
	}

	record BookLoanData(@WireName("ISBN") String isbn, Borrower borrower, int loanDays, OffsetDateTime dueAt,
			@Nullable OffsetDateTime returnedAt, List<String> tags) {
	}

	record Pair(String left, String right) {
	}

	/** More components than {@link RecordConstructors} has arities for. */
	record Wide(long a1, long a2, long a3, long a4, long a5, long a6, long a7, long a8, long a9, long a10, long a11,
			long a12, long a13, long a14, long a15, long a16, long a17, long a18, long a19, long a20, long a21,
			long a22, long a23, long a24, long a25, String last) {
	}

	@WireName("XBlockData")
	record RawXBlock(String usageKey, String blockType, @Nullable String version) {
	}

	@WireName("XBlockData")
	record XBlockDataV0(String usageKey, String blockType) {
	}

	@WireName("XBlockData")
	record XBlockDataV2(String usageKey, long revision, String blockType, @Nullable String version,
			List<String> tags) {
	}

	@WireName("XBlockData")
	record RawXBlockWithoutType(String usageKey) {
	}

	@WireName("CourseData")
	record RawCourse(String courseKey, String start) {
	}

	@WireName("CourseData")
	record CourseOnly(CourseKey courseKey, OffsetDateTime start) {
	}

}
