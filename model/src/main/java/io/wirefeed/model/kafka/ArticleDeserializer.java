package io.wirefeed.model.kafka;

import io.wirefeed.model.Article;
import io.wirefeed.model.WireJson;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka {@link Deserializer} for {@code wirefeed.articles.v1} values. kafka-clients is an optional dependency of
 * wirefeed-model: consumers that use this class bring their own.
 */
public final class ArticleDeserializer implements Deserializer<Article> {
  @Override
  public Article deserialize(String topic, byte[] data) {
    if (data == null) {
      return null; // a tombstone on the compacted topic
    }
    try {
      return WireJson.mapper().readValue(data, Article.class);
    } catch (IOException e) {
      throw new SerializationException("Invalid Article JSON on topic " + topic + ": "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }
}
