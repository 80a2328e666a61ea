package io.wirefeed.publish;

import io.wirefeed.model.Article;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Sends a copy of every published article whose {@code field} matches {@code value} to the topic {@code topic}
 * (a name without the prefix, e.g. {@code wirefeed.articles.fr.v1}; {@link Topics#routed(String)} adds it).
 *
 * <p>Values compare case-insensitively. {@code language} matches the tag itself and its subtags, as a BCP-47
 * language range does ({@code fr} matches {@code fr} and {@code fr-CA}, {@code fr-CA} matches only
 * {@code fr-CA}); {@code agency} matches the agency the article is filed under (its source agency, else its
 * dateline's), the same one as the {@code wirefeed-agency} header; {@code category} matches when any of the
 * article's categories equals the value.
 *
 * @param field {@code language}, {@code agency} or {@code category}
 * @param value what the field must equal, not blank
 * @param topic the routed topic's name before the prefix; a legal Kafka topic name
 */
public record RouteRule(String field, String value, String topic) {
  /** The fields a rule can test. */
  public static final List<String> FIELDS = List.of("language", "agency", "category");

  public RouteRule {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(topic, "topic");
    field = field.strip().toLowerCase(Locale.ROOT);
    if (!FIELDS.contains(field)) {
      throw new IllegalArgumentException("Invalid route field: \"" + field + "\" (must be one of "
          + String.join(", ", FIELDS) + ")");
    }
    value = value.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("Invalid route value for " + field + " -> " + topic + ": blank");
    }
    TopicSpec.requireLegalName(topic);
  }

  /** Whether {@code article} goes to this rule's topic. */
  public boolean matches(Article article) {
    return switch (field) {
      case "language" -> languageMatches(article.language());
      case "agency" -> value.equalsIgnoreCase(Headers.agency(article));
      case "category" -> article.categories().stream().anyMatch(value::equalsIgnoreCase);
      default -> throw new IllegalStateException("Unreachable: field validated in the constructor: " + field);
    };
  }

  /** RFC 4647 basic filtering: the range equals the tag, or is a prefix of it ending at a subtag boundary. */
  private boolean languageMatches(String tag) {
    if (tag == null) {
      return false;
    }
    return tag.equalsIgnoreCase(value)
        || tag.length() > value.length() && tag.charAt(value.length()) == '-'
            && tag.regionMatches(true, 0, value, 0, value.length());
  }
}
