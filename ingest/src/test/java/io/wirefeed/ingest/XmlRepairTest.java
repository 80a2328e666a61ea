package io.wirefeed.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlRepairTest {
  @Test
  void stripsADoctypeWhoseInternalSubsetHoldsQuotedAngleBrackets() {
    String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n <!ENTITY x \"a > b ] c\">\n <!-- ] > -->\n]>\n<rss/>";

    assertThat(XmlRepair.prepare(xml)).isEqualTo("<?xml version=\"1.0\"?>\n\n<rss/>");
  }

  @Test
  void cutsAServerWarningPrintedBeforeTheFeed() {
    String warning = "<br />\n<b>Warning</b>:  Cannot modify header information - headers already sent in "
        + "<b>/var/www/rss.php</b> on line <b>12</b><br />\n";
    String feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel/></rss>";

    assertThat(XmlRepair.prepare(warning + feed)).isEqualTo(feed);
    assertThat(XmlRepair.prepare(warning + "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>"))
        .isEqualTo("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>");
  }

  @Test
  void leavesAnHtmlPageThatMentionsAFeedAlone() {
    String page = "<html><head><title>Feeds</title></head><body><pre><rss version=\"2.0\"></pre></body></html>";

    assertThat(XmlRepair.prepare(page)).isEqualTo(page);
  }

  @Test
  void leavesADoctypeLookalikeInsideTheDocumentAlone() {
    String xml = "<rss><description><![CDATA[<!DOCTYPE html>]]></description></rss>";

    assertThat(XmlRepair.prepare(xml)).isEqualTo(xml);
  }

  @Test
  void cutsACommentBeforeTheDeclarationButNotADeclarationQuotedInContent() {
    assertThat(XmlRepair.prepare("<!-- cms -->\n<?xml version=\"1.0\"?><rss/>"))
        .isEqualTo("<?xml version=\"1.0\"?><rss/>");
    String quoted = "<rss><title><![CDATA[<?xml version=\"1.0\"?>]]></title></rss>";
    assertThat(XmlRepair.prepare(quoted)).isEqualTo(quoted);
  }

  @Test
  void repairEscapesBareAmpersandsAndMapsHtmlEntitiesOutsideCdataOnly() {
    String xml = "<t>R&D &eacute;t&eacute; &amp; &#233; &bogus; &#0;<![CDATA[&nbsp; & raw]]></t>";

    assertThat(XmlRepair.repair(xml))
        .isEqualTo("<t>R&amp;D &#233;t&#233; &amp; &#233; &amp;bogus; <![CDATA[&nbsp; & raw]]></t>");
  }

  @Test
  void declaresUndeclaredNamespacePrefixesOnTheRoot() {
    String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><dc:creator>AFP</dc:creator>"
        + "<x:y>1</x:y></item></channel></rss>";

    assertThat(XmlRepair.declarePrefixes(xml)).startsWith("<?xml version=\"1.0\"?><rss"
        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:x=\"urn:x-undeclared:x\" version=\"2.0\">");
  }

  @Test
  void rebuildClosesWhatBrokenNestingLeftOpen() {
    String rebuilt = XmlRepair.rebuild("<rss><channel><item><title>A</title></channel>");

    assertThat(rebuilt).isEqualTo("<rss><channel><item><title>A</title></item></channel></rss>");
  }
}
