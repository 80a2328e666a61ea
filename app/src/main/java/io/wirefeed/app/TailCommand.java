package io.wirefeed.app;

import io.wirefeed.model.Article;
import io.wirefeed.model.WireJson;
import io.wirefeed.publish.TopicReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wirefeed tail}: print what is on a topic, readably. */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = "Print the records of a topic from the beginning (articles readably, others as key + JSON).")
final class TailCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", defaultValue = "wirefeed.articles.v1", paramLabel = "TOPIC")
  String topic;

  @Option(names = "--bootstrap", defaultValue = "${env:WIREFEED_KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE})")
  String bootstrap;

  @Option(names = {"-f", "--follow"}, description = "keep waiting for new records")
  boolean follow;

  @Option(names = "--raw", description = "print key and value as they are")
  boolean raw;

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    int[] count = {0};
    TopicReader.tail(bootstrap, topic, follow, Duration.ofSeconds(5), rec -> {
      count[0]++;
      if (!raw && topic.contains("articles")) {
        try {
          out.print(ArticleFormat.oneBlock(WireJson.mapper().readValue(rec.value(), Article.class)));
          return;
        } catch (Exception e) {
          // not an Article: fall through and print it as it is
        }
      }
      out.println(rec.partition() + "@" + rec.offset() + " " + rec.key() + " " + rec.value());
    });
    System.err.println(count[0] + " records on " + topic);
    return 0;
  }
}
