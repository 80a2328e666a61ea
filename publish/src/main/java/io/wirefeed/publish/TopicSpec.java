package io.wirefeed.publish;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A topic as wirefeed creates it: name, partition count and topic-level configs.
 *
 * @param name the full topic name, prefix included
 * @param partitions how many partitions to create it with (at least 1)
 * @param configs topic-level configs such as {@code cleanup.policy}
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {
  /** What Kafka accepts as a topic name (it refuses longer names and other characters at creation). */
  private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  public TopicSpec {
    requireLegalName(name);
    if (partitions < 1) {
      throw new IllegalArgumentException("Invalid partitions for " + name + ": " + partitions + " (must be >= 1)");
    }
    configs = configs == null ? Map.of() : Map.copyOf(configs);
  }

  /** The same topic with another partition count. */
  public TopicSpec withPartitions(int newPartitions) {
    return new TopicSpec(name, newPartitions, configs);
  }

  /**
   * {@code name} when Kafka would accept it as a topic name; checked where names are configured, so a typo fails
   * at start-up rather than inside a transaction.
   */
  static String requireLegalName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("Invalid topic name: blank");
    }
    if (!LEGAL_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("Invalid topic name: \"" + name
          + "\" (1 to 249 of a-z, A-Z, 0-9, '.', '_', '-')");
    }
    return name;
  }
}
