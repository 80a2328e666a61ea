package io.wirefeed.model;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs the two text defects real feeds carry after decoding: C1 control characters that stand for
 * windows-1252 punctuation (a numeric reference such as {@code &#146;}, which browsers read as a quote), and
 * UTF-8 that was decoded as windows-1252 or Latin-1 somewhere upstream and re-encoded ("PrÃ©sident",
 * "â€œquotedâ€\u009d"). A run is repaired only when it reads back as valid UTF-8, so genuine accented text
 * is never touched.
 */
public final class TextRepair {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  /** windows-1252's 0x80-0x9F; the five bytes it leaves undefined are kept as their C1 code points. */
  private static final String C1 = buildC1();
  /** A run of characters that mojibake is made of: Latin-1 supplement, windows-1252 punctuation, U+FFFD. */
  private static final Pattern RUN = Pattern.compile("[\\u0080-\\u00ff\\u0152\\u0153\\u0160\\u0161\\u0178"
      + "\\u017d\\u017e\\u0192\\u02c6\\u02dc\\u2013\\u2014\\u2018-\\u201a\\u201c-\\u201e\\u2020-\\u2022\\u2026"
      + "\\u2030\\u2039\\u203a\\u20ac\\u2122\\ufffd]{2,}");
  /** Lead characters of a two- to four-byte UTF-8 sequence read as windows-1252 (U+00C2-U+00F4). */
  private static final Pattern MARKER = Pattern.compile("[\\u00c2-\\u00f4][\\u0080-\\u00bf\\u0152-\\u2122\\ufffd]");

  private TextRepair() {}

  /** How many layers of double decoding are undone ("FranÃƒÂ§ois" took two). */
  private static final int MAX_LAYERS = 3;

  /** {@code text} with C1 controls mapped and double-decoded UTF-8 undone; null stays null. */
  public static String repair(String text) {
    if (text == null) {
      return null;
    }
    String fixed = text;
    for (int layer = 0; layer < MAX_LAYERS && MARKER.matcher(fixed).find(); layer++) {
      String undone = undoMojibake(fixed);
      if (undone.equals(fixed)) {
        break;
      }
      fixed = undone;
    }
    return mapC1(fixed);
  }

  private static String undoMojibake(String text) {
    Matcher m = RUN.matcher(text);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      String decoded = redecode(m.group());
      if (decoded == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, last, m.start()).append(decoded);
      last = m.end();
    }
    return out == null ? text : out.append(text, last, text.length()).toString();
  }

  /** The run's characters as the bytes they were decoded from, read as UTF-8; null when that is not UTF-8. */
  private static String redecode(String run) {
    byte[] bytes = new byte[run.length()];
    for (int i = 0; i < run.length(); i++) {
      char c = run.charAt(i);
      int b;
      if (c == '\ufffd') {
        // "â€" + a lost byte: 0x9D is the one continuation byte windows-1252 cannot decode (right double quote).
        b = i >= 2 && run.charAt(i - 2) == '\u00e2' && run.charAt(i - 1) == '\u20ac' ? 0x9d : -1;
      } else if (c <= 0xff) {
        b = c;
      } else {
        int at = C1.indexOf(c);
        b = at < 0 ? -1 : 0x80 + at;
      }
      if (b < 0) {
        return null;
      }
      bytes[i] = (byte) b;
    }
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String mapC1(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 && c <= 0x9f) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        char mapped = C1.charAt(c - 0x80);
        // Undefined in windows-1252 too: a stray control character, dropped.
        if (mapped != c) {
          out.append(mapped);
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static String buildC1() {
    StringBuilder sb = new StringBuilder(32);
    for (int b = 0x80; b <= 0x9f; b++) {
      String s = new String(new byte[] {(byte) b}, WINDOWS_1252);
      sb.append(s.length() == 1 && s.charAt(0) != '\ufffd' ? s.charAt(0) : (char) b);
    }
    return sb.toString();
  }
}
