package io.wirefeed.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetSnifferTest {
  private static final String RUSSIAN = "МОСКВА, 1 мая. /ТАСС/. Министр иностранных дел России провел переговоры "
      + "со своим китайским коллегой, сообщили в министерстве. Стороны обсудили вопросы безопасности "
      + "в Азиатско-Тихоокеанском регионе и подготовку к предстоящему визиту.";

  private static byte[] encode(String text, String charset) {
    return text.getBytes(Charset.forName(charset));
  }

  @Test
  void decodesIso88591DeclaredInXmlProlog() {
    byte[] bytes = encode("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>Présidence à Noël</title></rss>",
        "ISO-8859-1");

    CharsetSniffer.Decoded d = CharsetSniffer.decode(bytes, null);

    assertThat(d.text()).contains("Présidence à Noël");
    assertThat(d.rule()).isEqualTo("xml");
  }

  @Test
  void readsIso88591LabelAsWindows1252SoSmartQuotesSurvive() {
    byte[] bytes = encode("<p>\u201cWe will not retreat,\u201d he said \u2013 Reuters</p>", "windows-1252");

    CharsetSniffer.Decoded d = CharsetSniffer.decode(bytes, "text/html; charset=ISO-8859-1");

    assertThat(d.text()).isEqualTo("<p>\u201cWe will not retreat,\u201d he said \u2013 Reuters</p>");
    assertThat(d.charset().name()).isEqualTo("windows-1252");
  }

  @Test
  void aWindows1252FeedUnderAUtf8LabelKeepsItsAccents() {
    byte[] bytes = encode("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><title>\u00c9lection pr\u00e9sidentielle "
        + "\u2013 \u201cd\u00e9cisive\u201d</title></rss>", "windows-1252");

    CharsetSniffer.Decoded d = CharsetSniffer.decode(bytes, null);

    assertThat(d.text()).contains("\u00c9lection pr\u00e9sidentielle \u2013 \u201cd\u00e9cisive\u201d")
        .doesNotContain("\ufffd");
    assertThat(d.rule()).isEqualTo("xml+mixed");
  }

  @Test
  void utf8WithAFewWindows1252BytesPastedInKeepsBoth() {
    byte[] utf8 = "<p>S\u00e3o Paulo \u2014 ".getBytes(StandardCharsets.UTF_8);
    byte[] pasted = encode("caf\u00e9 \u2019</p>", "windows-1252");
    byte[] bytes = new byte[utf8.length + pasted.length];
    System.arraycopy(utf8, 0, bytes, 0, utf8.length);
    System.arraycopy(pasted, 0, bytes, utf8.length, pasted.length);

    CharsetSniffer.Decoded d = CharsetSniffer.decode(bytes, "text/html; charset=utf-8");

    assertThat(d.text()).isEqualTo("<p>S\u00e3o Paulo \u2014 caf\u00e9 \u2019</p>");
  }

  @Test
  void mixedDecodingRefusesOverlongAndSurrogateSequences() {
    // C0 AF is an overlong '/', ED A0 80 a UTF-16 surrogate: neither may come out as the character it hides.
    byte[] bytes = {'a', (byte) 0xc0, (byte) 0xaf, 'b', (byte) 0xed, (byte) 0xa0, (byte) 0x80, 'c'};

    String text = CharsetSniffer.decodeUtf8Mixed(bytes, 0);

    assertThat(text).doesNotContain("/").startsWith("a").contains("b").endsWith("c");
    assertThat(text.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
  }

  @Test
  void decodesWindows1252FromHttpHeader() {
    byte[] bytes = encode("Côte d\u2019Ivoire : l\u2019économie", "windows-1252");

    assertThat(CharsetSniffer.decode(bytes, "text/plain;charset=\"windows-1252\"").text())
        .isEqualTo("Côte d\u2019Ivoire : l\u2019économie");
  }

  @Test
  void decodesUtf16LittleEndianWithBomAndDropsTheBom() {
    byte[] body = encode("<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss><title>北京 Beijing</title></rss>",
        "UTF-16LE");
    byte[] bytes = new byte[body.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(body, 0, bytes, 2, body.length);

    CharsetSniffer.Decoded d = CharsetSniffer.decode(bytes, "text/xml; charset=iso-8859-1");

    assertThat(d.text()).startsWith("<?xml").contains("北京 Beijing");
    assertThat(d.rule()).isEqualTo("bom");
  }

  @Test
  void decodesUtf16BigEndianWithBom() {
    byte[] bytes = encode("\uFEFF<rss><title>Zürich</title></rss>", "UTF-16BE");

    assertThat(CharsetSniffer.decode(bytes, null).text()).isEqualTo("<rss><title>Zürich</title></rss>");
  }

  @Test
  void decodesShiftJisDeclaredInXmlProlog() {
    byte[] bytes = encode("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><feed><title>東京株式市場、続伸</title></feed>",
        "Shift_JIS");

    assertThat(CharsetSniffer.decode(bytes, null).text()).contains("東京株式市場、続伸");
  }

  @Test
  void decodesKoi8rDeclaredInXmlProlog() {
    byte[] bytes = encode("<?xml version='1.0' encoding='KOI8-R'?><rss><title>" + RUSSIAN + "</title></rss>", "KOI8-R");

    assertThat(CharsetSniffer.decode(bytes, null).text()).contains(RUSSIAN);
  }

  @Test
  void httpHeaderWinsOverXmlDeclaration() {
    byte[] bytes = encode("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><title>" + RUSSIAN + "</title></rss>",
        "windows-1251");

    CharsetSniffer.Decoded d = CharsetSniffer.decode(bytes, "application/rss+xml; charset=windows-1251");

    assertThat(d.text()).contains(RUSSIAN);
    assertThat(d.rule()).isEqualTo("http");
  }

  @Test
  void honoursMetaCharsetAndHttpEquiv() {
    byte[] meta = encode("<html><head><meta charset=\"windows-1251\"></head><body>" + RUSSIAN + "</body></html>",
        "windows-1251");
    byte[] httpEquiv = encode("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-15\">"
        + "</head><body>Prix : 10 €</body></html>", "ISO-8859-15");

    assertThat(CharsetSniffer.decode(meta, "text/html").text()).contains(RUSSIAN);
    assertThat(CharsetSniffer.decode(httpEquiv, null).text()).contains("Prix : 10 €");
  }

  @Test
  void detectsUndeclaredKoi8r() {
    byte[] bytes = encode("<rss><channel><item><description>" + RUSSIAN + " " + RUSSIAN
        + "</description></item></channel></rss>", "KOI8-R");

    CharsetSniffer.Decoded d = CharsetSniffer.decode(bytes, null);

    assertThat(d.text()).contains(RUSSIAN);
    assertThat(d.rule()).isEqualTo("detector");
  }

  @Test
  void readsUtf8BytesDeclaredLatin1AsUtf8() {
    byte[] bytes = encode("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><title>São Paulo – Brasília</title>",
        "UTF-8");

    CharsetSniffer.Decoded d = CharsetSniffer.decode(bytes, null);

    assertThat(d.text()).contains("São Paulo – Brasília");
    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void ignoresUnknownCharsetNameAndUtf16LabelOnAsciiBytes() {
    byte[] bytes = encode("<?xml version=\"1.0\" encoding=\"UTF-16\"?><title>Genève</title>", "UTF-8");

    assertThat(CharsetSniffer.decode(bytes, "text/xml; charset=no-such-charset").text()).contains("Genève");
  }

  @Test
  void defaultsToUtf8ForPlainAscii() {
    CharsetSniffer.Decoded d = CharsetSniffer.decode("<rss/>".getBytes(StandardCharsets.US_ASCII), null);

    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(d.text()).isEqualTo("<rss/>");
  }

  @Test
  void readsContentTypeCharsetParameter() {
    assertThat(CharsetSniffer.httpCharset("text/html; Charset = 'UTF-8' ; q=1")).isEqualTo("UTF-8");
    assertThat(CharsetSniffer.httpCharset("text/html")).isNull();
    assertThat(CharsetSniffer.httpCharset(null)).isNull();
  }
}
