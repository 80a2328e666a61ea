package io.wirefeed.ingest;

import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.RawDocument;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** The {@link DocumentSink} test double: records what it accepted; can be told to fail some publishes. */
final class RecordingSink implements DocumentSink {
  final List<RawDocument> published = new CopyOnWriteArrayList<>();
  final List<DeadLetter> rejected = new CopyOnWriteArrayList<>();
  private volatile Predicate<RawDocument> failPublish = doc -> false;
  private volatile boolean failReject;

  void failPublishWhen(Predicate<RawDocument> condition) {
    failPublish = condition;
  }

  void failRejects(boolean fail) {
    failReject = fail;
  }

  @Override
  public void publish(RawDocument doc) throws Exception {
    if (failPublish.test(doc)) {
      throw new IllegalStateException("broker unavailable (test)");
    }
    published.add(doc);
  }

  @Override
  public void reject(DeadLetter letter) throws Exception {
    if (failReject) {
      throw new IllegalStateException("broker unavailable (test)");
    }
    rejected.add(letter);
  }

  List<String> publishedUrls() {
    return published.stream().map(RawDocument::url).toList();
  }
}
