package io.wirefeed.app;

import io.wirefeed.model.Article;
import io.wirefeed.model.CreditedSource;
import io.wirefeed.model.Dateline;
import java.util.stream.Collectors;

/** Renders an Article as a few readable terminal lines (demo output and {@code tail}). */
final class ArticleFormat {
  private ArticleFormat() {}

  static String oneBlock(Article a) {
    StringBuilder sb = new StringBuilder();
    sb.append("* ").append(a.headline() == null ? "(no headline)" : a.headline())
        .append("  [").append(a.language() == null ? "?" : a.language()).append(", v").append(a.version())
        .append("]\n");
    Dateline d = a.dateline();
    sb.append("    dateline: ").append(d == null ? "-" : d.text() + "  -> " + d.place()
        + (d.qualifier() == null ? "" : " (" + d.qualifier() + ")")
        + ", " + (d.date() == null ? "no date" : d.date()) + ", " + (d.agency() == null ? "no agency" : d.agency()))
        .append('\n');
    sb.append("    agency: ").append(a.source() == null || a.source().agency() == null ? "-" : a.source().agency())
        .append("   quotes: ").append(a.quotes().size())
        .append("   credits: ").append(a.creditedSources().isEmpty() ? "-"
            : a.creditedSources().stream().map(CreditedSource::name).collect(Collectors.joining(", ")))
        .append('\n');
    a.quotes().stream().limit(3).forEach(q -> sb.append("      \u201c").append(abbreviate(q.text(), 70))
        .append("\u201d \u2014 ").append(q.speaker() == null ? "?" : q.speaker()).append('\n'));
    return sb.toString();
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }
}
