package io.wirefeed.publish;

import io.wirefeed.model.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** The latest published content hash and version of every article id, as committed on the articles topic. */
final class ArticleVersions {

  /** What is known of one article id. */
  record Known(String contentHash, int version) {}

  private final Map<String, Known> known = new HashMap<>();

  Known get(String id) {
    return known.get(id);
  }

  /** Records {@code k} unless a higher version is already known (the log may be re-read after our own writes). */
  void put(String id, Known k) {
    known.merge(id, k, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
  }

  /** A tombstone on the compacted topic: the article was deleted. */
  void remove(String id) {
    known.remove(id);
  }

  int size() {
    return known.size();
  }

  /** The hash that decides "unchanged": the article's own, or a SHA-256 of its body when it carries none. */
  static String hashOf(Article article) {
    if (article.contentHash() != null && !article.contentHash().isBlank()) {
      return article.contentHash();
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(article.body().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
