package io.wirefeed.normalize.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates realistic news pages of 50-150 KB for the benchmark: head metadata and JSON-LD, inline scripts and
 * styles, menus, a story of 10-30 paragraphs with embeds and ads, related lists, comments, sidebar and footer.
 */
public final class HtmlBenchPages {
  private static final String[] WORDS = ("the minister said on tuesday that government would review plans for "
      + "new port after talks with unions and local officials who warned of delays costs higher prices for "
      + "farmers exporters while analysts expected markets to react calmly despite concerns over inflation "
      + "election results coalition partners agreed statement spokesman reporters capital region").split(" ");

  private HtmlBenchPages() {}

  public static List<String> generate(int count, long seed) {
    Random rnd = new Random(seed);
    List<String> pages = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      pages.add(page(rnd, 50_000 + rnd.nextInt(100_000)));
    }
    return pages;
  }

  private static String page(Random rnd, int targetBytes) {
    StringBuilder sb = new StringBuilder(targetBytes + 20_000);
    String headline = sentence(rnd, 8, 14);
    sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(headline)
        .append(" | Daily Wire Times</title><meta property=\"og:title\" content=\"").append(headline)
        .append("\"><meta property=\"og:site_name\" content=\"Daily Wire Times\">")
        .append("<meta property=\"article:published_time\" content=\"2024-04-0").append(1 + rnd.nextInt(9))
        .append("T10:15:00+02:00\"><link rel=\"canonical\" href=\"https://dailywire.example/story/")
        .append(rnd.nextInt(1_000_000)).append("\">")
        .append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",")
        .append("\"headline\":\"").append(headline).append("\",\"datePublished\":\"2024-04-02T08:15:00Z\",")
        .append("\"author\":[{\"@type\":\"Person\",\"name\":\"Alex Moreau\"}]}</script>");
    sb.append("<style>");
    for (int i = 0; i < 150; i++) {
      sb.append(".c").append(i).append("{margin:0 ").append(i).append("px;color:#").append(100 + i).append("}");
    }
    sb.append("</style><script>window.__CONFIG__=").append("{\"k\":\"").append("x".repeat(4000)).append("\"};")
        .append("</script></head><body class=\"article-page\">");
    sb.append("<div class=\"cookie-banner\"><p>We use cookies to improve your experience.</p><button>OK</button></div>");
    sb.append("<header class=\"site-header\"><nav class=\"main-nav\"><ul>");
    for (int i = 0; i < 60; i++) {
      sb.append("<li class=\"menu-item\"><a href=\"/section/").append(i).append("\">").append(word(rnd))
          .append(' ').append(word(rnd)).append("</a></li>");
    }
    sb.append("</ul></nav></header><main><article class=\"story\"><h1>").append(headline).append("</h1>")
        .append("<p class=\"byline\">By <a href=\"/a\">Alex Moreau</a></p>")
        .append("<div class=\"share-bar\"><a href=\"#\">Facebook</a><a href=\"#\">Twitter</a></div>")
        .append("<div class=\"article-body\">");
    int paragraphs = 10 + rnd.nextInt(21);
    for (int i = 0; i < paragraphs; i++) {
      sb.append("<p>").append(sentence(rnd, 15, 30)).append(", <a href=\"/t/").append(i).append("\">")
          .append(word(rnd)).append("</a> ").append(sentence(rnd, 10, 25)).append(".</p>");
      if (i % 5 == 4) {
        sb.append("<div class=\"ad-slot\"><span>Advertisement</span><div id=\"gpt-").append(i)
            .append("\" data-sizes=\"[[300,250],[728,90]]\"></div></div>");
      }
      if (i == 3) {
        sb.append("<figure><img src=\"/img/").append(i).append(".jpg\"><figcaption>").append(sentence(rnd, 8, 14))
            .append("</figcaption></figure>");
      }
    }
    sb.append("</div><div class=\"related-stories\"><h3>Related</h3><ul>");
    for (int i = 0; i < 8; i++) {
      sb.append("<li><a href=\"/r/").append(i).append("\">").append(sentence(rnd, 6, 12)).append("</a></li>");
    }
    sb.append("</ul></div></article><aside class=\"sidebar\">");
    while (sb.length() < targetBytes * 0.8) {
      sb.append("<div class=\"card\"><a class=\"title\" href=\"/s/").append(rnd.nextInt(99_999)).append("\">")
          .append(sentence(rnd, 6, 12)).append("</a><p class=\"dek\">").append(sentence(rnd, 10, 18))
          .append("</p><img src=\"/t.jpg\" srcset=\"/t-320.jpg 320w, /t-640.jpg 640w, /t-1280.jpg 1280w\"></div>");
    }
    sb.append("</aside></main><section id=\"comments\" class=\"comments\">");
    while (sb.length() < targetBytes) {
      sb.append("<div class=\"comment\"><span class=\"user\">reader").append(rnd.nextInt(999))
          .append("</span><p>").append(sentence(rnd, 12, 40)).append(".</p></div>");
    }
    sb.append("</section><footer><p>© 2024 Daily Wire Times</p></footer></body></html>");
    return sb.toString();
  }

  private static String word(Random rnd) {
    return WORDS[rnd.nextInt(WORDS.length)];
  }

  private static String sentence(Random rnd, int min, int max) {
    int n = min + rnd.nextInt(max - min + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String w = word(rnd);
      sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
      if (i < n - 1) {
        sb.append(i % 7 == 6 ? ", " : " ");
      }
    }
    return sb.toString();
  }
}
