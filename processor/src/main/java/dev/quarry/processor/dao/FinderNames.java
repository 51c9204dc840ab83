package dev.quarry.processor.dao;

import dev.quarry.processor.dao.DaoModel.Operator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of derived finder names, without the entity: splits {@code findFirst3ByNameAndAgeGreaterThanOrderByNameDesc}
 * into its subject, limit, ORed groups of ANDed condition words and ORDER BY words. {@link DerivedParser}
 * resolves the words against the entity.
 */
final class FinderNames {
  private FinderNames() {}

  /** The operator keywords (with their {@code Is…} forms), longest first so that {@code LessThanEqual} wins over {@code LessThan}. */
  static final List<Map.Entry<String, Operator>> KEYWORDS;

  /** Keywords other libraries accept that derived finders do not. */
  static final List<String> UNSUPPORTED = List.of("IsNotEmpty", "NotEmpty", "IsEmpty", "Empty", "Matches", "Regex",
      "IsWithin", "Within", "IsNear", "Near", "Exists", "NotContaining", "IsNotContaining");

  static {
    List<Map.Entry<String, Operator>> k = new ArrayList<>();
    add(k, Operator.EQ, "Is", "Equals", "IsEquals");
    add(k, Operator.NE, "Not", "IsNot");
    add(k, Operator.LT, "LessThan", "IsLessThan");
    add(k, Operator.LE, "LessThanEqual", "IsLessThanEqual");
    add(k, Operator.GT, "GreaterThan", "IsGreaterThan");
    add(k, Operator.GE, "GreaterThanEqual", "IsGreaterThanEqual");
    add(k, Operator.BETWEEN, "Between", "IsBetween");
    add(k, Operator.IN, "In", "IsIn");
    add(k, Operator.NOT_IN, "NotIn", "IsNotIn");
    add(k, Operator.IS_NULL, "IsNull", "Null");
    add(k, Operator.IS_NOT_NULL, "IsNotNull", "NotNull");
    add(k, Operator.LIKE, "Like", "IsLike");
    add(k, Operator.NOT_LIKE, "NotLike", "IsNotLike");
    add(k, Operator.STARTING_WITH, "StartingWith", "IsStartingWith", "StartsWith");
    add(k, Operator.ENDING_WITH, "EndingWith", "IsEndingWith", "EndsWith");
    add(k, Operator.CONTAINING, "Containing", "IsContaining", "Contains");
    add(k, Operator.TRUE, "True", "IsTrue");
    add(k, Operator.FALSE, "False", "IsFalse");
    add(k, Operator.BEFORE, "Before", "IsBefore");
    add(k, Operator.AFTER, "After", "IsAfter");
    k.sort(Comparator.comparingInt((Map.Entry<String, Operator> e) -> e.getKey().length()).reversed());
    KEYWORDS = List.copyOf(k);
  }

  private static void add(List<Map.Entry<String, Operator>> out, Operator op, String... words) {
    for (String w : words) {
      out.add(Map.entry(w, op));
    }
  }

  private static final Pattern NAME = Pattern.compile(
      "^(find|count|exists|delete)(All|First(\\d*)|Top(\\d*))?By(.*)$");
  private static final Pattern OTHER_VERB = Pattern.compile("^(read|get|query|search|stream|remove)(\\p{Lu}.*)?By.*$");
  private static final Pattern MIDDLE = Pattern.compile("^(find|count|exists|delete)(\\p{Lu}\\p{L}*?)By.*$");
  private static final Pattern OR = Pattern.compile("(?<=[\\p{Ll}\\d])Or(?=\\p{Lu})");
  private static final Pattern AND = Pattern.compile("(?<=[\\p{Ll}\\d])And(?=\\p{Lu})");
  private static final Pattern ORDER_BY = Pattern.compile("(?<=[\\p{Ll}\\d]|^)OrderBy(?=\\p{Lu})");

  /**
   * A split name.
   *
   * @param verb find, count, exists or delete
   * @param modifier All, First, Top or empty
   * @param limit the number after First/Top; 1 for First alone; -1 when malformed; 0 when none
   * @param conditions ORed groups of ANDed words ({@code AgeGreaterThan})
   * @param order the words after OrderBy ({@code NameDescAge}), or null
   */
  record Split(String verb, String modifier, int limit, List<List<String>> conditions, String order) {}

  /** The split name, or null when it is not a derived finder; {@code unsupported[0]} names a keyword it uses that is not supported. */
  static Split split(String name, String[] unsupported) {
    if (name.equals("findAll")) {
      return new Split("find", "All", 0, List.of(), null);
    }
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      Matcher other = OTHER_VERB.matcher(name);
      if (other.matches()) {
        unsupported[0] = other.group(1);
        return null;
      }
      Matcher middle = MIDDLE.matcher(name);
      if (middle.matches()) {
        unsupported[0] = middle.group(2);
      }
      return null;
    }
    String verb = m.group(1);
    String modifier = m.group(2) == null ? "" : m.group(2).startsWith("First") ? "First"
        : m.group(2).startsWith("Top") ? "Top" : "All";
    String digits = m.group(3) != null ? m.group(3) : m.group(4);
    int limit = 0;
    if (modifier.equals("First") || modifier.equals("Top")) {
      try {
        limit = digits == null || digits.isEmpty() ? 1 : Integer.parseInt(digits);
      } catch (NumberFormatException ex) {
        limit = -1;
      }
      if (limit == 0) {
        limit = -1;
      }
    }
    if (!verb.equals("find") && !modifier.isEmpty()) {
      unsupported[0] = modifier;
      return null;
    }
    String body = m.group(5);
    String order = null;
    Matcher ob = ORDER_BY.matcher(body);
    int at = -1;
    while (ob.find()) {
      at = ob.start();
    }
    if (at >= 0) {
      order = body.substring(at + "OrderBy".length());
      body = body.substring(0, at);
    }
    List<List<String>> conditions = new ArrayList<>();
    if (!body.isEmpty()) {
      for (String group : OR.split(body, -1)) {
        conditions.add(List.of(AND.split(group, -1)));
      }
    }
    return new Split(verb, modifier, limit, conditions, order);
  }

  /** ORDER BY words split into {@code [property, Asc|Desc|""]} pairs. */
  static List<String[]> orderKeys(String order) {
    List<String[]> keys = new ArrayList<>();
    // Property words are joined until a direction or the end.
    StringBuilder property = new StringBuilder();
    for (String word : order.split("(?=\\p{Lu})")) {
      if (word.equals("Asc") || word.equals("Desc")) {
        keys.add(new String[] {property.toString(), word});
        property.setLength(0);
      } else {
        property.append(word);
      }
    }
    if (property.length() > 0) {
      keys.add(new String[] {property.toString(), ""});
    }
    return keys;
  }

  /** The closest of {@code candidates} to {@code name}, or null when none is close. */
  static String closest(String name, Iterable<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(name.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best != null && bestDistance <= Math.max(2, name.length() / 3) ? best : null;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
