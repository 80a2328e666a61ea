package io.wirefeed.normalize.lang;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Detects the language of an article's text with the Optimaize n-gram detector, restricted to the
 * languages wire copy arrives in (fewer profiles: less memory, fewer confusions). Declared languages
 * are hints only: they win when the text is too short or too close to call.
 */
public final class LanguageGuesser {
  /** Enough text to decide; more only costs time. */
  public static final int SAMPLE_CHARS = 400;
  /** A hint wins when its probability is at least this share of the best one. */
  private static final double HINT_SHARE = 0.5;
  private static final List<String> LANGUAGES = List.of("fr", "en", "es", "de", "pt", "it", "nl", "ca", "ru", "ar",
      "zh-CN");

  private final LanguageDetector detector;
  private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingOnLargeText();

  public LanguageGuesser() {
    List<LdLocale> locales = new ArrayList<>();
    for (String tag : LANGUAGES) {
      locales.add(LdLocale.fromString(tag));
    }
    try {
      List<LanguageProfile> profiles = new LanguageProfileReader().readBuiltIn(locales);
      detector = LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles).build();
    } catch (IOException e) {
      throw new UncheckedIOException("language profiles missing from the classpath", e);
    }
  }

  /**
   * The BCP-47 code ("fr") of the text's language, or the first usable hint, or null.
   *
   * @param hints declared languages, strongest first ("fr-FR", "en"); nulls allowed
   */
  public String guess(String text, String... hints) {
    String hinted = null;
    for (String hint : hints) {
      hinted = hinted == null ? primaryTag(hint) : hinted;
    }
    String sample = text == null ? "" : text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    if (!hasLetters(sample)) {
      return hinted;
    }
    // all-capital copy (old wire archives) reads as names to an n-gram model
    String probe = isMostlyUpperCase(sample) ? sample.toLowerCase(Locale.ROOT) : sample;
    List<DetectedLanguage> found = detector.getProbabilities(texts.forText(probe));
    if (found.isEmpty()) {
      return hinted;
    }
    DetectedLanguage best = found.get(0);
    if (hinted != null) {
      for (DetectedLanguage d : found) {
        if (d.getLocale().getLanguage().equals(hinted) && d.getProbability() >= best.getProbability() * HINT_SHARE) {
          return hinted;
        }
      }
    }
    return best.getLocale().getLanguage();
  }

  private static String primaryTag(String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String primary = tag.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
    return primary.matches("[a-z]{2,3}") ? primary : null;
  }

  private static boolean hasLetters(String s) {
    int letters = 0;
    for (int i = 0; i < s.length() && letters < 3; i++) {
      if (Character.isLetter(s.charAt(i))) {
        letters++;
      }
    }
    return letters >= 3;
  }

  private static boolean isMostlyUpperCase(String s) {
    int upper = 0;
    int lower = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isUpperCase(c)) {
        upper++;
      } else if (Character.isLowerCase(c)) {
        lower++;
      }
    }
    return upper > 3 * lower;
  }
}
