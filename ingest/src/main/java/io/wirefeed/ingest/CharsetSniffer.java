package io.wirefeed.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Finds the charset of fetched bytes and decodes them. Order: byte-order mark, HTTP Content-Type
 * charset, XML declaration, {@code <meta charset>} / {@code http-equiv}, statistical detection,
 * else UTF-8.
 *
 * <p>Two deviations from a literal reading of the declarations, both what browsers and feed readers
 * do because servers lie: a declared Latin-1 / windows-1252 / ASCII on bytes that are valid,
 * non-ASCII UTF-8 is read as UTF-8; and legacy names are widened to their supersets (ISO-8859-1 to
 * windows-1252, GB2312 to GB18030, Shift_JIS to windows-31j...), as the WHATWG encoding standard does.
 * A third: bytes declared UTF-8 that are not (a windows-1252 feed under a UTF-8 label, or UTF-8 with a few
 * windows-1252 bytes pasted in) keep their valid UTF-8 sequences and read each invalid byte as
 * windows-1252, instead of turning every accented letter into U+FFFD.
 */
final class CharsetSniffer {
  /** The decoded text, the charset used and which rule chose it. */
  record Decoded(String text, Charset charset, String rule) {}

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final int PROLOG_SCAN = 1024;
  private static final int META_SCAN = 8192;
  private static final int DETECTOR_SCAN = 256 * 1024;
  private static final Pattern CONTENT_TYPE_CHARSET =
      Pattern.compile("(?i);\\s*charset\\s*=\\s*[\"']?([^\"';\\s]+)");
  private static final Pattern XML_DECL = Pattern.compile("^\\s*<\\?xml\\s[^>]*?\\?>");
  private static final Pattern XML_ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
  private static final Pattern META_CHARSET =
      Pattern.compile("(?is)<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)");
  /** Legacy charsets widened to the superset that real documents labelled with them use. */
  private static final Map<String, String> WIDER = Map.ofEntries(
      Map.entry("ISO-8859-1", "windows-1252"),
      Map.entry("US-ASCII", "windows-1252"),
      Map.entry("ISO-8859-9", "windows-1254"),
      Map.entry("GB2312", "GB18030"),
      Map.entry("GBK", "GB18030"),
      Map.entry("Shift_JIS", "windows-31j"),
      Map.entry("EUC-KR", "x-windows-949"),
      Map.entry("Big5", "Big5-HKSCS"),
      Map.entry("TIS-620", "x-windows-874"));

  private CharsetSniffer() {}

  /** Decodes {@code bytes}, choosing the charset as described above; never throws. */
  static Decoded decode(byte[] bytes, String contentType) {
    Bom bom = Bom.of(bytes);
    if (bom == Bom.UTF_8 && !isValidUtf8(bytes)) {
      return new Decoded(decodeUtf8Mixed(bytes, bom.length), StandardCharsets.UTF_8, "bom+mixed");
    }
    if (bom != null) {
      return new Decoded(decodeLenient(bytes, bom.length, bom.charset), bom.charset, "bom");
    }
    Charset http = lookup(httpCharset(contentType));
    if (http != null) {
      return declared(bytes, http, "http");
    }
    Charset utf16 = utf16WithoutBom(bytes);
    if (utf16 != null) {
      return new Decoded(decodeLenient(bytes, 0, utf16), utf16, "xml");
    }
    String head = new String(bytes, 0, Math.min(bytes.length, META_SCAN), StandardCharsets.ISO_8859_1);
    Charset xml = lookup(xmlEncoding(head));
    if (xml != null) {
      return declared(bytes, xml, "xml");
    }
    Charset meta = lookup(metaCharset(head));
    if (meta != null) {
      return declared(bytes, meta, "meta");
    }
    if (isAscii(bytes) || isValidUtf8(bytes)) {
      return new Decoded(decodeLenient(bytes, 0, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "utf8");
    }
    Charset detected = lookup(detect(bytes));
    if (detected != null) {
      return new Decoded(decodeLenient(bytes, 0, detected), detected, "detector");
    }
    return new Decoded(decodeLenient(bytes, 0, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "default");
  }

  /** The charset parameter of a Content-Type header value, or null. */
  static String httpCharset(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CONTENT_TYPE_CHARSET.matcher(contentType);
    return m.find() ? m.group(1) : null;
  }

  private static Decoded declared(byte[] bytes, Charset charset, String rule) {
    // A declaration readable as ASCII cannot truthfully claim a 16/32-bit encoding.
    if (isWideUnicode(charset)) {
      charset = StandardCharsets.UTF_8;
    }
    if (isLatin(charset) && !isAscii(bytes) && isValidUtf8(bytes)) {
      return new Decoded(decodeLenient(bytes, 0, StandardCharsets.UTF_8), StandardCharsets.UTF_8, rule + "+utf8");
    }
    if (charset.equals(StandardCharsets.UTF_8) && !isValidUtf8(bytes)) {
      return new Decoded(decodeUtf8Mixed(bytes, 0), StandardCharsets.UTF_8, rule + "+mixed");
    }
    return new Decoded(decodeLenient(bytes, 0, charset), charset, rule);
  }

  private static String xmlEncoding(String head) {
    Matcher decl = XML_DECL.matcher(head.length() > PROLOG_SCAN ? head.substring(0, PROLOG_SCAN) : head);
    if (!decl.find()) {
      return null;
    }
    Matcher enc = XML_ENCODING.matcher(decl.group());
    return enc.find() ? enc.group(1) : null;
  }

  private static String metaCharset(String head) {
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  private static String detect(byte[] bytes) {
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(bytes, 0, Math.min(bytes.length, DETECTOR_SCAN));
    detector.dataEnd();
    return detector.getDetectedCharset();
  }

  /** XML without a BOM starting "<?" in UTF-16 (XML 1.0 appendix F). */
  private static Charset utf16WithoutBom(byte[] b) {
    if (b.length >= 4 && b[0] == '<' && b[1] == 0 && b[2] == '?' && b[3] == 0) {
      return StandardCharsets.UTF_16LE;
    }
    if (b.length >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] == '?') {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  static Charset lookup(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      Charset cs = Charset.forName(name.strip());
      String wider = WIDER.get(cs.name());
      if (wider != null && Charset.isSupported(wider)) {
        return Charset.forName(wider);
      }
      return cs;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isLatin(Charset cs) {
    String n = cs.name();
    return n.equals("windows-1252") || n.equals("ISO-8859-1") || n.equals("US-ASCII") || n.equals("ISO-8859-15");
  }

  private static boolean isWideUnicode(Charset cs) {
    return cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32");
  }

  static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  static boolean isValidUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** UTF-8 where it is valid, each byte that is not part of a valid sequence read as windows-1252. */
  static String decodeUtf8Mixed(byte[] b, int offset) {
    StringBuilder out = new StringBuilder(b.length - offset);
    int i = offset;
    while (i < b.length) {
      int lead = b[i] & 0xff;
      int length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3
          : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
      if (length == 1) {
        out.append((char) lead);
        i++;
        continue;
      }
      if (length > 0 && i + length <= b.length && continuations(b, i + 1, length - 1)
          && inRange(lead, b[i + 1] & 0xff)) {
        int cp = lead & (0xff >> (length + 1));
        for (int k = 1; k < length; k++) {
          cp = (cp << 6) | (b[i + k] & 0x3f);
        }
        out.appendCodePoint(cp);
        i += length;
        continue;
      }
      String single = new String(b, i, 1, WINDOWS_1252);
      // The five bytes windows-1252 leaves undefined stay as their C1 code point rather than U+FFFD.
      out.append(single.equals("\ufffd") ? (char) lead : single.charAt(0));
      i++;
    }
    return out.toString();
  }

  private static boolean continuations(byte[] b, int from, int count) {
    for (int k = from; k < from + count; k++) {
      if ((b[k] & 0xc0) != 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Rules out overlong forms, surrogates and code points beyond U+10FFFF (RFC 3629 table). */
  private static boolean inRange(int lead, int second) {
    return switch (lead) {
      case 0xe0 -> second >= 0xa0;
      case 0xed -> second <= 0x9f;
      case 0xf0 -> second >= 0x90;
      case 0xf4 -> second <= 0x8f;
      default -> true;
    };
  }

  private static String decodeLenient(byte[] bytes, int offset, Charset charset) {
    try {
      CharBuffer chars = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
      return chars.toString();
    } catch (CharacterCodingException e) {
      // Unreachable with REPLACE; keep the contract of never throwing.
      return new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
    }
  }

  private enum Bom {
    UTF_32BE(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, "UTF-32BE"),
    UTF_32LE(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, "UTF-32LE"),
    UTF_8(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "UTF-8"),
    UTF_16BE(new byte[] {(byte) 0xFE, (byte) 0xFF}, "UTF-16BE"),
    UTF_16LE(new byte[] {(byte) 0xFF, (byte) 0xFE}, "UTF-16LE");

    final byte[] mark;
    final int length;
    final Charset charset;

    Bom(byte[] mark, String charset) {
      this.mark = mark;
      this.length = mark.length;
      this.charset = Charset.forName(charset);
    }

    static Bom of(byte[] bytes) {
      for (Bom bom : values()) {
        if (startsWith(bytes, bom.mark)) {
          return bom;
        }
      }
      return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
      if (bytes.length < prefix.length) {
        return false;
      }
      for (int i = 0; i < prefix.length; i++) {
        if (bytes[i] != prefix[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
