package io.wirefeed.normalize.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Text serialisation: one entry per block, whitespace between inline elements as a browser renders it. */
class ContentBlocksTest {
  private static List<String> texts(String bodyHtml) {
    return ContentBlocks.of(Jsoup.parseBodyFragment(bodyHtml).body()).blocks.stream()
        .map(ContentBlocks.Block::text).toList();
  }

  @Test
  void keepsSpacesBetweenInlineElementsOnlyWhereTheSourceHasThem() {
    assertThat(texts("<p><b>Breaking</b> <i>news</i>:<a href='/x'>link</a>ed <span>in</span>\n<span>line</span></p>"))
        .containsExactly("Breaking news:linked in line");
  }

  @Test
  void neverGluesWordsOfAdjacentBlocks() {
    assertThat(texts("<div>First block</div><div>Second block</div><h2>Sub</h2><li>item</li><td>cell</td>"))
        .containsExactly("First block", "Second block", "Sub", "item", "cell");
  }

  @Test
  void splitsLooseTextAroundNestedBlocksIntoSeparateEntries() {
    assertThat(texts("<div>Lead text <p>Inner paragraph</p> tail text</div>"))
        .containsExactly("Lead text", "Inner paragraph", "tail text");
  }

  @Test
  void treatsSingleBreakAsLineAndDoubleBreakAsParagraph() {
    assertThat(texts("<p>line one<br>line two<br><br>next paragraph</p>"))
        .containsExactly("line one\nline two", "next paragraph");
  }

  @Test
  void normalisesNonBreakingAndZeroWidthSpaces() {
    assertThat(texts("<p>«\u00A0Oui\u00A0» a\u200B ré\u00ADpondu</p>")).containsExactly("« Oui » a répondu");
  }

  @Test
  void keepsLineBreaksInsidePre() {
    assertThat(texts("<pre>a = 1\nb = 2</pre>")).containsExactly("a = 1\nb = 2");
  }

  @Test
  void skipsScriptsStylesFormsAndHiddenElements() {
    assertThat(texts("<p>kept</p><script>var x = 1;</script><style>p{}</style><button>Share</button>"
        + "<div hidden>hidden one</div><div style='display: none'>hidden two</div><span class='sr-only'>sr</span>"))
        .containsExactly("kept");
  }

  @Test
  void dropsHoverCardInsideSentenceButKeepsItsTrigger() {
    assertThat(texts("<p>Gov. <span class='rollover-people'><a href='/p'>Kristi Noem</a>"
        + "<span class='rollover-people-block'><a href='/p'>Kristi Lynn Noem</a> Latest stories</span></span> said.</p>"))
        .containsExactly("Gov. Kristi Noem said.");
  }

  @Test
  void countsLinkTextSeparately() {
    ContentBlocks cb = ContentBlocks.of(Jsoup.parseBodyFragment("<p>abc <a href='/x'>defg</a></p>").body());

    assertThat(cb.blocks.get(0).chars()).isEqualTo(7);
    assertThat(cb.blocks.get(0).linkChars()).isEqualTo(4);
  }
}
