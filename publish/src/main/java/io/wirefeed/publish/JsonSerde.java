package io.wirefeed.publish;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.wirefeed.model.WireJson;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer and deserializer for a wirefeed record as plain UTF-8 JSON (readable with kcat), through the
 * one configured {@link WireJson#mapper()}. Keys are plain strings ({@code StringSerializer}).
 *
 * @param <T> the record type
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
  private final Class<T> type;
  private final ObjectReader reader;
  private final ObjectWriter writer;

  private JsonSerde(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
    this.reader = WireJson.mapper().readerFor(type);
    this.writer = WireJson.mapper().writerFor(type);
  }

  /** A serde for {@code type}, e.g. {@code JsonSerde.of(Article.class)}. */
  public static <T> JsonSerde<T> of(Class<T> type) {
    return new JsonSerde<>(type);
  }

  /** JSON bytes of {@code data}; null stays null (a tombstone). */
  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    try {
      return writer.writeValueAsBytes(data);
    } catch (IOException e) {
      throw new SerializationException("Cannot write " + type.getSimpleName() + " as JSON for " + topic + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * The record read from JSON bytes; null stays null.
   *
   * @throws SerializationException with the topic and the parser's reason when the bytes are not such a record
   */
  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      T value = reader.readValue(data);
      if (value == null) {
        throw new SerializationException("Invalid " + type.getSimpleName() + " JSON on " + topic + ": null");
      }
      return value;
    } catch (IOException | IllegalArgumentException e) {
      // Record constructors validate (IllegalArgumentException, NullPointerException wrapped by Jackson).
      throw new SerializationException("Invalid " + type.getSimpleName() + " JSON on " + topic + ": "
          + firstLine(e.getMessage()), e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }

  /** Nothing to configure: the mapper is {@link WireJson#mapper()}, the same everywhere. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  /** Nothing to release. */
  @Override
  public void close() {}

  /** Jackson messages carry a multi-line source excerpt; the first line says what is wrong. */
  static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
