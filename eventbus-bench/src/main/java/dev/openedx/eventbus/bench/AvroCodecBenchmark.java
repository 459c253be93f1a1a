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

package dev.openedx.eventbus.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.catalog.learning.CourseData;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.catalog.learning.UserData;
import dev.openedx.eventbus.event.PythonDateTimes;
import dev.openedx.eventbus.event.key.CourseKey;

/**
 * Encode and decode of the {@code org.openedx.learning.course.enrollment.created.v1} test vector event through
 * {@link AvroEventCodec} (typed record to bytes and back), beside plain Apache Avro on the same schema and data
 * ({@link GenericDatumWriter} of a prebuilt {@link GenericRecord}, {@link GenericDatumReader} into a new one), in the
 * same run. Run with {@code -prof gc} for the bytes allocated per operation. Methods are named operation first
 * ({@code encodeCodec}, {@code encodeAvroGeneric}, ...) so that JMH, which runs them in alphabetical order, measures
 * each pair back to back: on a shared machine, load that comes and goes then hits both sides of a comparison.
 * <p>
 * The baseline does less work per event than the codec, which is what it is there to show: its record already holds
 * the date-times and keys as strings (the codec formats three date-times and reads two opaque keys per event), and
 * its reader returns Avro's lazy {@code Utf8} strings (the codec builds {@code String}s, parses the date-times and
 * the course key, and calls the record constructors).
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class AvroCodecBenchmark {

	/** {@code avro.value_hex} of {@code shared/spec/vectors/org.openedx.learning.course.enrollment.created.v1.json}. */
	static final String VECTOR_HEX = "d00f01186c6561726e65723030303030306c6561726e65723030303030406578616d706c652e636f6d"
			+ "18416461204c6f76656c61636538636f757273652d76313a6564582b44656d6f58302b323032365f54312c44656d6f6e73747261"
			+ "74696f6e20436f7572736520300232323032362d30312d30355430303a30303a30302b30303a30300232323032362d30362d3330"
			+ "5432333a35393a35392b30303a30300a61756469740140323032362d30332d31345431353a30393a32362e3533353839372b3030"
			+ "3a303002f08d0b01186c6561726e65723930303030306c6561726e65723930303030406578616d706c652e636f6d184cc3a96120"
			+ "4dc3bc6c6c6572";

	/** More distinct course keys than the codec's key table holds (a power of two). */
	private static final int DISTINCT_KEYS = 16384;

	private AvroEventCodec codec;

	private CourseEnrollmentData enrollment;

	private byte[] bytes;

	private GenericRecord record;

	private GenericDatumWriter<GenericRecord> writer;

	private GenericDatumReader<GenericRecord> reader;

	private BinaryEncoder encoder;

	private BinaryDecoder decoder;

	private byte[][] distinctKeys;

	private int next;

	@Setup
	public void setUp() throws IOException {
		this.codec = new AvroEventCodec();
		this.bytes = HexFormat.of().parseHex(VECTOR_HEX);
		this.enrollment = this.codec.decode(LearningEvents.COURSE_ENROLLMENT_CREATED, this.bytes);
		Schema schema = this.codec.schema(LearningEvents.COURSE_ENROLLMENT_CREATED);
		this.record = genericRecord(schema, this.enrollment);
		this.writer = new GenericDatumWriter<>(schema);
		this.reader = new GenericDatumReader<>(schema);
		check("AvroEventCodec.encode", encodeCodec());
		check("GenericDatumWriter", encodeAvroGeneric());
		if (!this.codec.decode(LearningEvents.COURSE_ENROLLMENT_CREATED, encodeCodec()).equals(this.enrollment)
				|| !decodeAvroGeneric().equals(this.record)) {
			throw new IllegalStateException("Decoding the vector does not give the vector data");
		}
		this.distinctKeys = new byte[DISTINCT_KEYS][];
		for (int i = 0; i < DISTINCT_KEYS; i++) {
			CourseData course = this.enrollment.course();
			CourseData other = new CourseData(CourseKey.of("course-v1:edX+DemoX" + i + "+2026_T1"),
					course.displayName(), course.start(), course.end());
			CourseEnrollmentData data = new CourseEnrollmentData(this.enrollment.user(), other, this.enrollment.mode(),
					this.enrollment.isActive(), this.enrollment.creationDate(), this.enrollment.createdBy());
			this.distinctKeys[i] = this.codec.encode(LearningEvents.COURSE_ENROLLMENT_CREATED, data);
		}
	}

	@Benchmark
	public byte[] encodeCodec() {
		return this.codec.encode(LearningEvents.COURSE_ENROLLMENT_CREATED, this.enrollment);
	}

	@Benchmark
	public CourseEnrollmentData decodeCodec() {
		return this.codec.decode(LearningEvents.COURSE_ENROLLMENT_CREATED, this.bytes);
	}

	/**
	 * Decode where nearly every event has a course key not seen recently, so the codec parses it
	 * ({@code CourseKey.of}) instead of finding it in its small per-key-class table.
	 */
	@Benchmark
	public CourseEnrollmentData decodeDistinctKeysCodec() {
		byte[] input = this.distinctKeys[this.next++ & (DISTINCT_KEYS - 1)];
		return this.codec.decode(LearningEvents.COURSE_ENROLLMENT_CREATED, input);
	}

	@Benchmark
	public GenericRecord decodeDistinctKeysAvroGeneric() throws IOException {
		return avroGenericDecode(this.distinctKeys[this.next++ & (DISTINCT_KEYS - 1)]);
	}

	@Benchmark
	public CourseEnrollmentData roundTripCodec() {
		return this.codec.decode(LearningEvents.COURSE_ENROLLMENT_CREATED, encodeCodec());
	}

	@Benchmark
	public byte[] encodeAvroGeneric() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		this.encoder = EncoderFactory.get().binaryEncoder(out, this.encoder);
		this.writer.write(this.record, this.encoder);
		this.encoder.flush();
		return out.toByteArray();
	}

	@Benchmark
	public GenericRecord decodeAvroGeneric() throws IOException {
		return avroGenericDecode(this.bytes);
	}

	@Benchmark
	public GenericRecord roundTripAvroGeneric() throws IOException {
		return avroGenericDecode(encodeAvroGeneric());
	}

	private GenericRecord avroGenericDecode(byte[] input) throws IOException {
		this.decoder = DecoderFactory.get().binaryDecoder(input, this.decoder);
		return this.reader.read(null, this.decoder);
	}

	private void check(String what, byte[] encoded) {
		if (!Arrays.equals(encoded, this.bytes)) {
			throw new IllegalStateException(what + " does not give the vector bytes: "
					+ HexFormat.of().formatHex(encoded));
		}
	}

	private static GenericRecord genericRecord(Schema schema, CourseEnrollmentData data) {
		Schema enrollmentSchema = schema.getField("enrollment").schema();
		Schema userSchema = enrollmentSchema.getField("user").schema();
		GenericRecord course = new GenericData.Record(enrollmentSchema.getField("course").schema());
		course.put("course_key", data.course().courseKey().toString());
		course.put("display_name", data.course().displayName());
		course.put("start", PythonDateTimes.format(data.course().start()));
		course.put("end", PythonDateTimes.format(data.course().end()));
		GenericRecord enrollment = new GenericData.Record(enrollmentSchema);
		enrollment.put("user", user(userSchema, data.user()));
		enrollment.put("course", course);
		enrollment.put("mode", data.mode());
		enrollment.put("is_active", data.isActive());
		enrollment.put("creation_date", PythonDateTimes.format(data.creationDate()));
		enrollment.put("created_by", user(userSchema, data.createdBy()));
		GenericRecord cloudEvent = new GenericData.Record(schema);
		cloudEvent.put("enrollment", enrollment);
		return cloudEvent;
	}

	private static GenericRecord user(Schema userSchema, UserData data) {
		GenericRecord pii = new GenericData.Record(userSchema.getField("pii").schema());
		pii.put("username", data.pii().username());
		pii.put("email", data.pii().email());
		pii.put("name", data.pii().name());
		GenericRecord user = new GenericData.Record(userSchema);
		user.put("id", data.id());
		user.put("is_active", data.isActive());
		user.put("pii", pii);
		return user;
	}

}
