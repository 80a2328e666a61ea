package io.wirefeed.ingest;

import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.RawDocument;

/**
 * Where ingest hands what it fetched; the app implements it with a Kafka producer.
 *
 * <p>Both methods block until the record is durably accepted (the broker acknowledged it). An item
 * counts as seen only after one of them returned normally, so a throwing sink loses nothing: the
 * item is tried again on the next poll.
 */
public interface DocumentSink {
  /** Publishes a fetched document; returns only once it is acknowledged. */
  void publish(RawDocument doc) throws Exception;

  /** Records what could not be fetched, with why; returns only once it is acknowledged. */
  void reject(DeadLetter letter) throws Exception;
}
