package io.wirefeed.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One article of a {@link Story}, as listed on {@code wirefeed.stories.v1}.
 *
 * @param id the article id (key on {@code wirefeed.articles.v1})
 * @param version its latest version in the story
 * @param agency its source agency, or null
 * @param language its language, or null
 * @param headline its headline, or null
 * @param published its publication time, or null
 * @param url its URL, or null
 */
public record StoryArticle(String id, int version, String agency, String language, String headline,
    Instant published, String url) {
  public StoryArticle {
    Objects.requireNonNull(id, "id");
  }
}
