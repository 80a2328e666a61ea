package io.wirefeed.publish;

import io.wirefeed.model.Article;
import io.wirefeed.model.Outcome;
import io.wirefeed.model.RawDocument;
import java.io.IOException;
import java.util.UUID;

/**
 * A normalize service in a JVM of its own, so {@link ArticleProcessorCrashTest} can kill it with SIGKILL: no
 * close, no shutdown hook, no flush. Arguments: bootstrap servers, topic prefix, partitions, group id,
 * transactional id.
 */
final class ProcessorChild {
  private ProcessorChild() {}

  public static void main(String[] args) {
    if (args.length != 5) {
      System.err.println("usage: ProcessorChild BOOTSTRAP PREFIX PARTITIONS GROUP TRANSACTIONAL_ID");
      System.exit(2);
    }
    haltWhenParentGoes();
    Topics topics = Topics.withPrefix(args[1]).withPartitions(Integer.parseInt(args[2]));
    ArticleProcessor processor = new ArticleProcessor(args[0], topics, args[3], args[4],
        ProcessorChild::normalizeWithFreshHash, ProcessorListener.noOp());
    System.out.println("processor " + args[4] + " running in pid " + ProcessHandle.current().pid());
    processor.run();
  }

  /**
   * The fixtures' stand-in normalizer, except that every call gives a new content hash. The processor dedups by
   * content hash, which would quietly hide a raw record processed twice; with a fresh hash a second processing
   * that got committed shows up on the articles topic as version 2, so the test sees it.
   */
  static Outcome<Article> normalizeWithFreshHash(RawDocument raw) {
    Article a = ((Outcome.Accepted<Article>) Fixtures.fakeNormalize(raw)).value();
    return Outcome.accepted(new Article(a.id(), a.version(), a.rawId(), a.url(), a.canonicalUrl(), a.language(),
        a.headline(), a.summary(), a.body(), a.paragraphs(), a.dateline(), a.source(), a.creditedSources(),
        a.quotes(), a.published(), a.updated(), a.fetchedAt(), a.authors(), a.categories(), a.siteName(),
        a.leadImage(), "attempt:" + UUID.randomUUID()));
  }

  /** The test holds our stdin open: end of input means it died, and an orphan must not keep running. */
  private static void haltWhenParentGoes() {
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // Nothing is ever sent; only the end of the stream matters.
        }
      } catch (IOException e) {
        // Same meaning as end of input.
      }
      Runtime.getRuntime().halt(3);
    }, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
