package io.wirefeed.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void emptyPrefixGivesTheVersionedPlainNames() {
    Topics topics = Topics.withPrefix("");

    assertThat(topics.all()).extracting(TopicSpec::name).containsExactly(
        "wirefeed.raw.v1", "wirefeed.articles.v1", "wirefeed.quotes.v1", "wirefeed.dlq.v1",
        "wirefeed.ingest-state.v1");
  }

  @Test
  void prefixIsPrependedToEveryName() {
    assertThat(Topics.withPrefix("staging.").all()).extracting(TopicSpec::name)
        .allMatch(name -> name.startsWith("staging.wirefeed."));
  }

  @Test
  void cleanupPoliciesMatchTheContract() {
    Topics topics = Topics.withPrefix("");

    assertThat(topics.raw().configs()).containsEntry("cleanup.policy", "delete")
        .containsEntry("retention.ms", "604800000").containsEntry("compression.type", "zstd");
    assertThat(topics.articles().configs()).containsEntry("cleanup.policy", "compact");
    assertThat(topics.dlq().configs()).containsEntry("cleanup.policy", "delete")
        .containsEntry("retention.ms", "2592000000");
    assertThat(topics.ingestState().configs()).containsEntry("cleanup.policy", "compact");
    assertThat(topics.quotes().configs()).containsEntry("cleanup.policy", "delete")
        .containsEntry("retention.ms", "2592000000");
  }

  @Test
  void routedTopicTakesThePrefixAndTheArticlesTopicsConfigs() {
    Topics topics = Topics.withPrefix("staging.").withPartitions(6);

    TopicSpec french = topics.routed("wirefeed.articles.fr.v1");

    assertThat(french.name()).isEqualTo("staging.wirefeed.articles.fr.v1");
    assertThat(french.partitions()).isEqualTo(6);
    assertThat(french.configs()).isEqualTo(topics.articles().configs()).containsEntry("cleanup.policy", "compact");
    assertThat(topics.all()).extracting(TopicSpec::name).doesNotContain(french.name());
  }

  @Test
  void rejectsIllegalTopicNamesWithTheNameInTheMessage() {
    assertThatThrownBy(() -> Topics.withPrefix("").routed("wirefeed articles fr"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"wirefeed articles fr\"");
    assertThatThrownBy(() -> Topics.withPrefix("").routed("x".repeat(250))).hasMessageContaining("249");
    assertThatThrownBy(() -> Topics.withPrefix("").routed("..")).hasMessageContaining("\"..\"");
  }

  @Test
  void withPartitionsChangesDataTopicsButKeepsIngestStateAtOne() {
    Topics topics = Topics.withPrefix("").withPartitions(6);

    assertThat(Topics.withPrefix("").raw().partitions()).isEqualTo(3);
    assertThat(topics.raw().partitions()).isEqualTo(6);
    assertThat(topics.articles().partitions()).isEqualTo(6);
    assertThat(topics.dlq().partitions()).isEqualTo(6);
    assertThat(topics.quotes().partitions()).isEqualTo(6);
    assertThat(topics.ingestState().partitions()).isEqualTo(1);
  }

  @Test
  void rejectsZeroPartitionsWithTheValueInTheMessage() {
    assertThatThrownBy(() -> Topics.withPrefix("").withPartitions(0)).hasMessageContaining("0");
    assertThatThrownBy(() -> new TopicSpec("wirefeed.raw.v1", -2, null)).hasMessageContaining("-2");
    assertThatThrownBy(() -> new TopicSpec(" ", 1, null)).hasMessageContaining("blank");
  }
}
