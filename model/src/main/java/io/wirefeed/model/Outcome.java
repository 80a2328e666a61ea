package io.wirefeed.model;

import java.util.Objects;

/** The result of a stage at its boundary: accepted with a value, or rejected with the stage and reason. */
public sealed interface Outcome<T> {

  /** A successful result. */
  record Accepted<T>(T value) implements Outcome<T> {
    public Accepted {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A rejected input: it goes to the dead-letter topic with this stage and reason. */
  record Rejected<T>(String stage, String reason) implements Outcome<T> {
    public Rejected {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(reason, "reason");
    }
  }

  static <T> Outcome<T> accepted(T value) {
    return new Accepted<>(value);
  }

  static <T> Outcome<T> rejected(String stage, String reason) {
    return new Rejected<>(stage, reason);
  }
}
