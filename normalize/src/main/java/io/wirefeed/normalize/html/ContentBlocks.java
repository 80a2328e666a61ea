package io.wirefeed.normalize.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * The visible text of a page cut into blocks (one per paragraph, list item, heading, cell...), in document order,
 * each knowing the element that holds it, how much of it is link text and which chrome-like ancestors surround it.
 *
 * <p>One iterative pass over the DOM (pages may nest 50,000 deep), so every later step works on plain arrays: an
 * element's text is the contiguous range of blocks between its start and end, summed with prefix sums.
 */
final class ContentBlocks {
  /** Text collected beyond this is ignored: no article is longer, and it bounds work on 10 MB pages. */
  static final int MAX_TEXT_CHARS = 2_000_000;

  /** Nearest chrome-like ancestors of a block, innermost first; shared between blocks, never mutated. */
  record Chain(Element element, boolean strong, Chain outer) {}

  /** One block of text: {@code chars} and {@code linkChars} count non-blank characters. */
  record Block(String text, Element owner, int chars, int linkChars, Chain junk) {
    String tag() {
      return owner.normalName();
    }
  }

  final List<Block> blocks = new ArrayList<>();
  /** Start and end block index of every block-level element visited. */
  final Map<Element, int[]> ranges = new IdentityHashMap<>();
  /** Elements declaring themselves the article body, in document order. */
  final List<Element> declaredBodies = new ArrayList<>();
  /** {@code <article>} elements in document order. */
  final List<Element> articles = new ArrayList<>();
  private int[] charPrefix;
  private int[] linkPrefix;

  private ContentBlocks() {}

  /** Cuts the subtree of {@code root} into blocks. */
  static ContentBlocks of(Element root) {
    ContentBlocks result = new ContentBlocks();
    new Collector(result).traverse(root);
    int n = result.blocks.size();
    result.charPrefix = new int[n + 1];
    result.linkPrefix = new int[n + 1];
    for (int i = 0; i < n; i++) {
      Block b = result.blocks.get(i);
      result.charPrefix[i + 1] = result.charPrefix[i] + b.chars();
      result.linkPrefix[i + 1] = result.linkPrefix[i] + b.linkChars();
    }
    return result;
  }

  /** Block range [start, end) of an element, or null when the traversal never entered it as a block. */
  int[] range(Element e) {
    return ranges.get(e);
  }

  int chars(int start, int end) {
    return charPrefix[end] - charPrefix[start];
  }

  int linkChars(int start, int end) {
    return linkPrefix[end] - linkPrefix[start];
  }

  /** Non-blank characters of an element's text, 0 when unknown. */
  int chars(Element e) {
    int[] r = ranges.get(e);
    return r == null ? 0 : chars(r[0], r[1]);
  }

  /** Share of an element's text inside links. */
  double linkDensity(Element e) {
    int[] r = ranges.get(e);
    if (r == null) {
      return 0;
    }
    int chars = chars(r[0], r[1]);
    return chars == 0 ? 0 : (double) linkChars(r[0], r[1]) / chars;
  }

  int totalChars() {
    return charPrefix[charPrefix.length - 1];
  }

  /** The DOM walk; kept apart so the result object carries no traversal state. */
  private static final class Collector implements NodeFilter {
    private final ContentBlocks out;
    private final Deque<Element> open = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder(256);
    private int chars;
    private int linkChars;
    private int linkDepth;
    private int preDepth;
    private boolean pendingSpace;
    private Chain junk;
    private int collected;
    private final Map<String, Integer> flagCache = new HashMap<>();

    Collector(ContentBlocks out) {
      this.out = out;
    }

    void traverse(Element root) {
      open.push(root);
      out.ranges.put(root, new int[] {0, 0});
      // children of the root only, so the root's own hints never count against its text
      for (Node child : root.childNodes()) {
        if (collected > MAX_TEXT_CHARS) {
          break;
        }
        child.filter(this);
      }
      flush();
      // a traversal cut short at MAX_TEXT_CHARS leaves elements open: close them where the text stopped
      while (!open.isEmpty()) {
        int[] r = out.ranges.get(open.pop());
        if (r != null && r[1] < 0) {
          r[1] = out.blocks.size();
        }
      }
      out.ranges.get(root)[1] = out.blocks.size();
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (collected > MAX_TEXT_CHARS) {
        return FilterResult.STOP;
      }
      if (node instanceof TextNode t) {
        append(t.getWholeText());
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element e)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      String tag = e.normalName();
      if (ContentHints.SKIPPED_TAGS.contains(tag)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      int flags = flags(e);
      boolean declaredBody = ContentHints.isArticleBody(e, flags);
      if (!declaredBody && ContentHints.isHidden(e, flags)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      if ((flags & ContentHints.F_INLINE_JUNK) != 0 && ContentHints.INLINE_TAGS.contains(tag)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      if (tag.equals("br")) {
        lineBreak(e);
        return FilterResult.SKIP_ENTIRELY;
      }
      if (tag.equals("a") && e.hasAttr("href")) {
        linkDepth++;
      } else if (tag.equals("pre")) {
        preDepth++;
      }
      if (!ContentHints.INLINE_TAGS.contains(tag)) {
        flush();
        open.push(e);
        out.ranges.put(e, new int[] {out.blocks.size(), -1});
        if (declaredBody) {
          out.declaredBodies.add(e);
        }
        if (tag.equals("article")) {
          out.articles.add(e);
        }
        int level = ContentHints.junkLevel(e, flags);
        if (level != ContentHints.NOT_JUNK) {
          junk = new Chain(e, level == ContentHints.STRONG_JUNK, junk);
        }
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (!(node instanceof Element e)) {
        return FilterResult.CONTINUE;
      }
      String tag = e.normalName();
      if (tag.equals("a") && e.hasAttr("href")) {
        linkDepth = Math.max(0, linkDepth - 1);
      } else if (tag.equals("pre")) {
        preDepth = Math.max(0, preDepth - 1);
      }
      if (!ContentHints.INLINE_TAGS.contains(tag) && open.peek() == e) {
        flush();
        open.pop();
        out.ranges.get(e)[1] = out.blocks.size();
        if (junk != null && junk.element() == e) {
          junk = junk.outer();
        }
      }
      return FilterResult.CONTINUE;
    }

    /** Name flags of an element, computed once per distinct class/id string on this page. */
    private int flags(Element e) {
      if (e.attributesSize() == 0) {
        return 0;
      }
      String cls = e.className();
      String id = e.id();
      if (cls.isEmpty() && id.isEmpty()) {
        return 0;
      }
      String key = id.isEmpty() ? cls : cls + '#' + id;
      Integer cached = flagCache.get(key);
      if (cached == null) {
        cached = ContentHints.nameFlags(ContentHints.names(e));
        flagCache.put(key, cached);
      }
      return cached;
    }

    private void append(String raw) {
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u00AD') {
          continue;
        }
        if (preDepth > 0 && c == '\n') {
          text.append('\n');
          pendingSpace = false;
          continue;
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c < ' ') {
          pendingSpace = true;
          continue;
        }
        if (pendingSpace && text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
          text.append(' ');
        }
        pendingSpace = false;
        text.append(c);
        chars++;
        if (linkDepth > 0) {
          linkChars++;
        }
      }
    }

    /** One {@code <br>} is a line break inside the block; two in a row end the paragraph. */
    private void lineBreak(Element br) {
      int len = text.length();
      if (len == 0) {
        return;
      }
      if (text.charAt(len - 1) == '\n') {
        flush();
      } else {
        text.append('\n');
        pendingSpace = false;
      }
    }

    private void flush() {
      pendingSpace = false;
      if (chars == 0) {
        text.setLength(0);
        return;
      }
      int end = text.length();
      while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == ' ')) {
        end--;
      }
      int start = 0;
      while (start < end && (text.charAt(start) == '\n' || text.charAt(start) == ' ')) {
        start++;
      }
      Element owner = open.isEmpty() ? null : open.peek();
      out.blocks.add(new Block(text.substring(start, end), owner, chars, linkChars, junk));
      collected += chars;
      text.setLength(0);
      chars = 0;
      linkChars = 0;
    }
  }
}
