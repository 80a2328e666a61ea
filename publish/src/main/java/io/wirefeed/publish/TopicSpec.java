package io.wirefeed.publish;

import java.util.Map;
import java.util.Objects;

/**
 * A topic as wirefeed creates it: name, partition count and topic-level configs.
 *
 * @param name the full topic name, prefix included
 * @param partitions how many partitions to create it with (at least 1)
 * @param configs topic-level configs such as {@code cleanup.policy}
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {
  public TopicSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("Invalid topic name: blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("Invalid partitions for " + name + ": " + partitions + " (must be >= 1)");
    }
    configs = configs == null ? Map.of() : Map.copyOf(configs);
  }

  /** The same topic with another partition count. */
  public TopicSpec withPartitions(int newPartitions) {
    return new TopicSpec(name, newPartitions, configs);
  }
}
