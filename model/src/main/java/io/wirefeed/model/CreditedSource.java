package io.wirefeed.model;

import java.util.Objects;

/**
 * Another agency or outlet the story credits, e.g. {@code SANA} in "a rapporté l'agence de presse SANA".
 *
 * @param name the outlet's name (canonical where known)
 * @param text the phrase that credits it, as printed
 */
public record CreditedSource(String name, String text) {
  public CreditedSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }
}
