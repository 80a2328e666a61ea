package io.wirefeed.model;

import java.util.Objects;

/**
 * One person credited in the copy ("By Jane Doe", "(Reporting by A; Editing by B)").
 *
 * @param name the person's name as printed, never an agency, a desk code or an e-mail address
 * @param role what they did
 */
public record Byline(String name, BylineRole role) {
  public Byline {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    if (name.isBlank()) {
      throw new IllegalArgumentException("Invalid byline name: '" + name + "'");
    }
  }
}
