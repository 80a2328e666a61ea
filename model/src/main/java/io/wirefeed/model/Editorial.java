package io.wirefeed.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the agency signals about a piece of copy: its status, urgency, update number, correction, labels,
 * embargo and editor's note.
 *
 * @param status usable, canceled (killed / withdrawn) or withheld (under embargo)
 * @param urgency IPTC urgency 1..8 (1 = flash), or null when the copy signals none
 * @param update the n of "UPDATE n" (or an equivalent), or null
 * @param correction whether the copy corrects an earlier take (CORRECTED, RECTIFICATIF, BERICHTIGUNG...)
 * @param refile whether the copy is a refile (REFILE, repeat)
 * @param labels upper-case canonical labels (EXCLUSIVE, ANALYSIS, FACTBOX...), never null
 * @param embargoedUntil when an embargo lifts, or null
 * @param editorsNote the note to editors ("Eds:", "NOTE AUX RÉDACTIONS"...) or a kill notice, or null
 * @param corrects the id of the article this one corrects or withdraws when it is not a version of it, or null
 */
public record Editorial(
    EditorialStatus status,
    Integer urgency,
    Integer update,
    boolean correction,
    boolean refile,
    List<String> labels,
    Instant embargoedUntil,
    String editorsNote,
    String corrects) {

  /** Ordinary copy: usable, no signal. */
  public static final Editorial USABLE =
      new Editorial(EditorialStatus.USABLE, null, null, false, false, List.of(), null, null, null);

  public Editorial {
    Objects.requireNonNull(status, "status");
    if (urgency != null && (urgency < 1 || urgency > 8)) {
      throw new IllegalArgumentException("Invalid urgency: " + urgency + " (IPTC urgency is 1..8)");
    }
    if (update != null && update < 1) {
      throw new IllegalArgumentException("Invalid update number: " + update + " (must be >= 1)");
    }
    labels = labels == null ? List.of() : List.copyOf(labels);
  }

  /** Whether the copy carries no signal at all. */
  @JsonIgnore
  public boolean isPlain() {
    return equals(USABLE);
  }

  /** The same signals with another status. */
  public Editorial withStatus(EditorialStatus newStatus) {
    return new Editorial(newStatus, urgency, update, correction, refile, labels, embargoedUntil, editorsNote,
        corrects);
  }

  /** The same signals naming the article this one corrects or withdraws. */
  public Editorial withCorrects(String articleId) {
    return new Editorial(status, urgency, update, correction, refile, labels, embargoedUntil, editorsNote,
        articleId);
  }
}
