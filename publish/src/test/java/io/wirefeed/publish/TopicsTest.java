package io.wirefeed.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void emptyPrefixGivesTheVersionedPlainNames() {
    Topics topics = Topics.withPrefix("");

    assertThat(topics.all()).extracting(TopicSpec::name).containsExactly(
        "wirefeed.raw.v1", "wirefeed.articles.v1", "wirefeed.dlq.v1", "wirefeed.ingest-state.v1");
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
  }

  @Test
  void withPartitionsChangesDataTopicsButKeepsIngestStateAtOne() {
    Topics topics = Topics.withPrefix("").withPartitions(6);

    assertThat(Topics.withPrefix("").raw().partitions()).isEqualTo(3);
    assertThat(topics.raw().partitions()).isEqualTo(6);
    assertThat(topics.articles().partitions()).isEqualTo(6);
    assertThat(topics.dlq().partitions()).isEqualTo(6);
    assertThat(topics.ingestState().partitions()).isEqualTo(1);
  }

  @Test
  void rejectsZeroPartitionsWithTheValueInTheMessage() {
    assertThatThrownBy(() -> Topics.withPrefix("").withPartitions(0)).hasMessageContaining("0");
    assertThatThrownBy(() -> new TopicSpec("wirefeed.raw.v1", -2, null)).hasMessageContaining("-2");
    assertThatThrownBy(() -> new TopicSpec(" ", 1, null)).hasMessageContaining("blank");
  }
}
