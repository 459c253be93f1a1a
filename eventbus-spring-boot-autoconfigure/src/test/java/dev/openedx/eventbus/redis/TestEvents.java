package dev.openedx.eventbus.redis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventCodec;
import dev.openedx.eventbus.event.EventDecodingException;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * A small event type for transport tests, and the codec they use.
 */
public final class TestEvents {

	/** Test data: a name and a sequence number. */
	public record Ping(String name, long sequence) {
	}

	public static final EventType<Ping> PING = EventType.of("org.openedx.test.redis.ping.v1", "ping", Ping.class);

	public static final EventCatalog CATALOG = EventCatalog.of(List.of(PING));

	private TestEvents() {
	}

	static EventCodec codec() {
		return new PingCodec();
	}

	static OpenEdxEvent<Ping> ping(long sequence) {
		return PING.event(new Ping("ping", sequence));
	}

	static OpenEdxEvent<Ping> ping(long sequence, EventsMetadata metadata) {
		return PING.event(new Ping("ping", sequence), metadata);
	}

	/** Avro binary of record {name: string, sequence: long}, until the real codec is merged. */
	private static final class PingCodec implements EventCodec {

		@Override
		public <D> byte[] encode(EventType<D> type, D data) {
			Ping ping = (Ping) data;
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
			try {
				encoder.writeString(ping.name());
				encoder.writeLong(ping.sequence());
				encoder.flush();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			return out.toByteArray();
		}

		@Override
		public <D> D decode(EventType<D> type, byte[] bytes) {
			BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
			try {
				Ping ping = new Ping(decoder.readString(), decoder.readLong());
				if (!decoder.isEnd()) {
					throw new EventDecodingException(type.type(), "trailing bytes");
				}
				return type.cast(ping);
			}
			catch (IOException | RuntimeException ex) {
				if (ex instanceof EventDecodingException decoding) {
					throw decoding;
				}
				throw new EventDecodingException(type.type(), "cannot decode: " + ex, ex);
			}
		}

	}

}
