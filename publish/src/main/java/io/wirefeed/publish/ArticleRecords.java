package io.wirefeed.publish;

import io.wirefeed.model.Article;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The records one processor step writes inside its transaction: a published article with its routed copies and
 * its quotes, or a dead letter. Nothing here can fail: every value was serialized by {@link RecordHandler}.
 */
final class ArticleRecords {
  private final Topics topics;
  private final List<RouteRule> routes;

  /** {@code routes} as configured; whether quotes are written was decided by the handler that made the steps. */
  ArticleRecords(Topics topics, List<RouteRule> routes) {
    this.topics = topics;
    this.routes = List.copyOf(routes);
  }

  /** Everything {@code step} writes, in order: the article, its routed copies, its quotes; or the dead letter. */
  List<ProducerRecord<String, byte[]>> of(Step step) {
    List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
    if (step instanceof Step.Publish p) {
      Article a = p.article();
      out.add(new ProducerRecord<>(topics.articles().name(), null, a.id(), p.json(), articleHeaders(a)));
      for (String topic : routedTopics(a)) {
        out.add(new ProducerRecord<>(topic, null, a.id(), p.json(), articleHeaders(a)));
      }
      for (int i = 0; i < p.quotes().size(); i++) {
        RecordHeaders headers = articleHeaders(a);
        header(headers, Headers.SPEAKER, a.quotes().get(i).speaker());
        out.add(new ProducerRecord<>(topics.quotes().name(), null, a.id() + ":" + i, p.quotes().get(i), headers));
      }
    } else if (step instanceof Step.DeadLettered d) {
      RecordHeaders headers = new RecordHeaders();
      header(headers, Headers.STAGE, d.letter().stage());
      header(headers, Headers.CONTENT_TYPE, Headers.JSON);
      out.add(new ProducerRecord<>(topics.dlq().name(), null, d.letter().documentId(), d.json(), headers));
    }
    // Unchanged: only its offset goes into the transaction.
    return out;
  }

  /** The full names of the routed topics {@code a} goes to, each once even when several rules lead there. */
  Set<String> routedTopics(Article a) {
    Set<String> names = new LinkedHashSet<>();
    for (RouteRule rule : routes) {
      if (rule.matches(a)) {
        names.add(topics.routed(rule.topic()).name());
      }
    }
    return names;
  }

  /** A fresh set per record: the producer makes a record's headers read-only once it is sent. */
  private static RecordHeaders articleHeaders(Article a) {
    RecordHeaders headers = new RecordHeaders();
    header(headers, Headers.SCHEMA_VERSION, String.valueOf(Article.SCHEMA_VERSION));
    header(headers, Headers.AGENCY, Headers.agency(a));
    header(headers, Headers.LANGUAGE, a.language());
    header(headers, Headers.CONTENT_TYPE, Headers.JSON);
    return headers;
  }

  private static void header(RecordHeaders headers, String name, String value) {
    if (value != null && !value.isBlank()) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
