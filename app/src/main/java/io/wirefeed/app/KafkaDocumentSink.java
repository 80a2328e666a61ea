package io.wirefeed.app;

import io.wirefeed.ingest.DocumentSink;
import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.RawDocument;
import io.wirefeed.publish.RawPublisher;
import java.util.concurrent.TimeUnit;

/** Ingest's sink on Kafka: returns only once the broker acknowledged, so an item is marked seen only then. */
final class KafkaDocumentSink implements DocumentSink {
  private static final long ACK_TIMEOUT_SECONDS = 180;
  private final RawPublisher publisher;
  private final PipelineListener listener;

  KafkaDocumentSink(RawPublisher publisher, PipelineListener listener) {
    this.publisher = publisher;
    this.listener = listener;
  }

  @Override
  public void publish(RawDocument doc) throws Exception {
    publisher.publish(doc).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void reject(DeadLetter letter) throws Exception {
    publisher.deadLetter(letter).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    listener.deadLettered(letter);
  }
}
