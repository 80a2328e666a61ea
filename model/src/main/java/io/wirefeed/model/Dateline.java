package io.wirefeed.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The dateline printed at the head of wire copy, e.g. {@code "DAMAS, 18 octobre (Xinhua) --"}.
 *
 * @param text the dateline exactly as printed
 * @param place the place as printed, in normal case ("DAMAS" -> "Damas")
 * @param qualifier a region or country printed after the place ("DAKAR, Senegal" -> "Senegal"), or null
 * @param date the date, year inferred from the publication time; null when the dateline has none
 * @param agency the canonical agency name, or null when none is printed
 */
public record Dateline(String text, String place, String qualifier, LocalDate date, String agency) {
  public Dateline {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("Invalid dateline text: blank");
    }
  }
}
