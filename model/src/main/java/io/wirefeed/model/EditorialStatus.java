package io.wirefeed.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a story may be used: the IPTC pubStatus of the copy, as the agency signalled it. */
public enum EditorialStatus {
  /** Ordinary copy. */
  USABLE,
  /** Killed or withdrawn: consumers must remove it everywhere. */
  CANCELED,
  /** Under embargo: not to be shown before {@link Editorial#embargoedUntil()}. */
  WITHHELD;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
