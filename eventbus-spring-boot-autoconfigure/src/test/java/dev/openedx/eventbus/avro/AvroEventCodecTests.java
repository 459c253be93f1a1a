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

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.openedx.eventbus.avro.fixtures.CourseData;
import dev.openedx.eventbus.avro.fixtures.CourseEnrollmentData;
import dev.openedx.eventbus.avro.fixtures.FixtureCourseKey;
import dev.openedx.eventbus.avro.fixtures.FixtureEvents;
import dev.openedx.eventbus.avro.fixtures.FixtureUsageKey;
import dev.openedx.eventbus.avro.fixtures.UserData;
import dev.openedx.eventbus.avro.fixtures.UserPersonalData;
import dev.openedx.eventbus.avro.fixtures.XBlockData;
import dev.openedx.eventbus.event.EventDecodingException;
import dev.openedx.eventbus.event.EventEncodingException;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.UnserializableEventException;
import dev.openedx.eventbus.event.WireName;
import dev.openedx.eventbus.event.key.InvalidOpaqueKeyException;

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

	@Test
	void schemaIsDerivedOncePerEventType() {
		assertThat(this.codec.schema(FixtureEvents.COURSE_ENROLLMENT_CREATED))
			.isSameAs(this.codec.schema(FixtureEvents.COURSE_ENROLLMENT_CREATED));
	}

	@Test
	void recordClassUsedByTwoEventTypesGetsEachEventTypesNamespace() {
		assertThat(this.codec.schema(FixtureEvents.XBLOCK_CREATED).getField("xblock_info").schema().getFullName())
			.isEqualTo("org.openedx.content_authoring.xblock.created.v1.XBlockData");
		assertThat(this.codec.schema(FixtureEvents.XBLOCK_PUBLISHED).getField("xblock_info").schema().getFullName())
			.isEqualTo("org.openedx.content_authoring.xblock.published.v1.XBlockData");
	}

	@Test
	void encodingEqualsApacheAvroGenericEncodingOfTheSameValues() throws IOException {
		CourseEnrollmentData enrollment = enrollment();
		Schema schema = this.codec.schema(FixtureEvents.COURSE_ENROLLMENT_CREATED);
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
		assertThat(hex(this.codec.encode(FixtureEvents.COURSE_ENROLLMENT_CREATED, enrollment)))
			.isEqualTo(hex(out.toByteArray()));
	}

	@Test
	void encodeThenDecodeGivesAnEqualRecord() {
		CourseEnrollmentData enrollment = enrollment();
		byte[] bytes = this.codec.encode(FixtureEvents.COURSE_ENROLLMENT_CREATED, enrollment);
		assertThat(this.codec.decode(FixtureEvents.COURSE_ENROLLMENT_CREATED, bytes)).isEqualTo(enrollment);
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
			.isThrownBy(() -> this.codec.encode(FixtureEvents.COURSE_ENROLLMENT_CREATED, enrollment))
			.withMessageContaining(ENROLLMENT)
			.withMessageContaining("field 'enrollment.mode' is null, but it is required");
	}

	@Test
	void nullInARequiredFieldOfANestedRecordIsReportedWithItsFullPath() {
		CourseEnrollmentData enrollment = new CourseEnrollmentData(user(7, "x@example.com"), course(), "audit", true,
				OffsetDateTime.now(ZoneOffset.UTC), user(8, null));
		assertThatExceptionOfType(EventEncodingException.class)
			.isThrownBy(() -> this.codec.encode(FixtureEvents.COURSE_ENROLLMENT_CREATED, enrollment))
			.withMessageContaining(ENROLLMENT)
			.withMessageContaining("field 'enrollment.created_by.pii.email' is null");
	}

	@Test
	void nullDataFailsNamingTheDataKey() {
		assertThatExceptionOfType(EventEncodingException.class)
			.isThrownBy(() -> this.codec.encode(FixtureEvents.COURSE_ENROLLMENT_CREATED, null))
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
			.isThrownBy(() -> this.codec.decode(FixtureEvents.COURSE_ENROLLMENT_CREATED, new byte[0]))
			.withMessageContaining(ENROLLMENT)
			.withMessageContaining("truncated data (0 bytes)")
			.withMessageContaining("field 'enrollment.user.id'");
	}

	@Test
	void garbageBytesFailNamingTheEventTypeAndField() {
		byte[] garbage = vector("org.openedx.learning.course.passing.status.updated.v1").value().clone();
		garbage[0] = 0x05;
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.codec.decode(FixtureEvents.COURSE_PASSING_STATUS_UPDATED, garbage))
			.withMessageContaining("org.openedx.learning.course.passing.status.updated.v1")
			.withMessageContaining("malformed data")
			.withMessageContaining("field 'course_passing_status.is_passing'");
	}

	@Test
	void garbageStringLengthFailsWithoutAllocatingIt() {
		// A string length of about 2^62 right at the start, where usage_key is.
		byte[] garbage = HexFormat.of().parseHex("fefffffffffffffffe7f00");
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.codec.decode(FixtureEvents.XBLOCK_PUBLISHED, garbage))
			.withMessageContaining(XBLOCK_PUBLISHED)
			.withMessageContaining("field 'xblock_info.usage_key'");
	}

	@Test
	void invalidUnionBranchFailsNamingTheField() {
		byte[] bytes = this.codec.encode(FixtureEvents.XBLOCK_PUBLISHED,
				new XBlockData(FixtureUsageKey.of("block-v1:edX+D+R+type@html+block@b1"), "html", null));
		bytes[bytes.length - 1] = 0x08;
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.codec.decode(FixtureEvents.XBLOCK_PUBLISHED, bytes))
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
			.isThrownBy(() -> this.codec.decode(FixtureEvents.XBLOCK_PUBLISHED, bytes))
			.withMessageContaining(XBLOCK_PUBLISHED)
			.withMessageContaining("field 'xblock_info.usage_key' does not hold a valid FixtureUsageKey")
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

		XBlockData decoded = this.codec.decode(FixtureEvents.XBLOCK_PUBLISHED, bytes, 0, bytes.length, stored);

		assertThat(decoded).isEqualTo(new XBlockData(FixtureUsageKey.of("block-v1:edX+D+R+type@html+block@b1"), "html",
				null));
	}

	@Test
	void dataWrittenWithANewerWriterSchemaSkipsTheFieldsTheReaderLacks() {
		EventType<XBlockDataV2> newer = EventType.of(XBLOCK_PUBLISHED, "xblock_info", XBlockDataV2.class);
		Schema writer = this.codec.schema(newer);
		byte[] bytes = this.codec.encode(newer,
				new XBlockDataV2("block-v1:edX+D+R+type@html+block@b1", 42L, "html", "v7", List.of("x", "y")));

		XBlockData decoded = this.codec.decode(FixtureEvents.XBLOCK_PUBLISHED, bytes, 0, bytes.length, writer);

		assertThat(decoded).isEqualTo(new XBlockData(FixtureUsageKey.of("block-v1:edX+D+R+type@html+block@b1"), "html",
				"v7"));
	}

	@Test
	void writerSchemaEqualToTheReaderSchemaDecodesLikeThePlainDecode() {
		Vectors vector = vector(XBLOCK_PUBLISHED);
		Schema writer = AvroEventCodec.parseSchema(vector.schema().toString());
		Object decoded = this.codec.decode(FixtureEvents.XBLOCK_PUBLISHED, vector.value(), 0, vector.value().length,
				writer);
		assertThat(decoded).isEqualTo(this.codec.decode(FixtureEvents.XBLOCK_PUBLISHED, vector.value()));
	}

	@Test
	void writerSchemaThatCannotBeResolvedFailsNamingTheIncompatibility() {
		EventType<RawXBlockWithoutType> other = EventType.of(XBLOCK_PUBLISHED, "xblock_info",
				RawXBlockWithoutType.class);
		Schema writer = this.codec.schema(other);
		byte[] bytes = this.codec.encode(other, new RawXBlockWithoutType("block-v1:edX+D+R+type@html+block@b1"));
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.codec.decode(FixtureEvents.XBLOCK_PUBLISHED, bytes, 0, bytes.length, writer))
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
			.isThrownBy(() -> this.codec.decode(FixtureEvents.XBLOCK_PUBLISHED, truncated, 0, truncated.length, writer))
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
					new XBlockData(FixtureUsageKey.of("block-v1:a+b+c+type@x+block@y"), "x", null)))
			.withMessageContaining("org.acme.not.on.bus.v1");
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
		return new CourseData(FixtureCourseKey.of("course-v1:edX+DemoX+2026"), "Demo",
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
	record CourseOnly(FixtureCourseKey courseKey, OffsetDateTime start) {
	}

}
