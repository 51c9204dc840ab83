package dev.quarry.processor.query;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" candidates: the closest name by edit distance, ignoring case. */
final class Suggestions {
  private Suggestions() {}

  /** The candidate closest to {@code name}, or null when none is close (at most a third of its letters differ; names of one or two letters only by case). */
  static String best(String name, Collection<String> candidates) {
    String lower = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      String cl = c.toLowerCase(Locale.ROOT);
      int d = cl.equals(lower) ? 0 : distance(lower, cl);
      String tail = cl.substring(cl.lastIndexOf('.') + 1);
      if (!tail.equals(cl)) {
        d = Math.min(d, distance(lower, tail));
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    int allowed = name.length() <= 2 ? 0 : Math.max(1, name.length() / 3);
    return bestDistance <= allowed ? best : null;
  }

  /** Damerau-Levenshtein distance (optimal string alignment): transposed letters count as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
