package io.wirefeed.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One news event and the articles that report it, in any agency and language: the record published on the
 * compacted {@code wirefeed.stories.v1} topic under its {@code storyId}.
 *
 * @param storyId the stable story id, also carried by every {@link Article#storyId()} of the story
 * @param headline a representative headline (the first article's)
 * @param firstSeen when the first article of the story was published (or fetched)
 * @param updated when the story last changed
 * @param languages the languages of its articles, in order of first appearance
 * @param agencies the source agencies of its articles, in order of first appearance
 * @param articles its articles, oldest first, each at its latest version
 * @param mergedInto the story that absorbed this one, or null; a merged story keeps no articles
 */
@JsonPropertyOrder({"storyId", "headline", "firstSeen", "updated", "languages", "agencies", "articles",
    "mergedInto"})
public record Story(
    String storyId,
    String headline,
    Instant firstSeen,
    Instant updated,
    List<String> languages,
    List<String> agencies,
    List<StoryArticle> articles,
    String mergedInto) {
  public Story {
    Objects.requireNonNull(storyId, "storyId");
    languages = languages == null ? List.of() : List.copyOf(languages);
    agencies = agencies == null ? List.of() : List.copyOf(agencies);
    articles = articles == null ? List.of() : List.copyOf(articles);
  }
}
