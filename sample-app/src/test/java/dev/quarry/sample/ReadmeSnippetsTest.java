package dev.quarry.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps README.md honest: every {@code <!-- tour:NAME -->} code block must equal the code between
 * {@code // tour:NAME} and {@code // end} in the tour sources (which tests compile and run), and every
 * {@code <!-- excerpt: PATH -->} block must be a verbatim run of lines of that file (e.g. a generated
 * Q-class). Run with {@code -Dreadme.update=true} to rewrite the tour blocks from the sources.
 */
class ReadmeSnippetsTest {
  private static final Path README = Path.of("..", "README.md");
  private static final List<Path> SOURCES = List.of(
      Path.of("src/test/java/dev/quarry/sample/ReadmeTourTest.java"),
      Path.of("src/test/java/dev/quarry/sample/api/OrderQueriesTest.java"),
      Path.of("src/main/java/dev/quarry/sample/model/Order.java"),
      // the mapping chapter: entities and tests that integration-tests runs on every database
      Path.of("../integration-tests/src/test/java/dev/quarry/it/embed/Address.java"),
      Path.of("../integration-tests/src/test/java/dev/quarry/it/embed/User.java"),
      Path.of("../integration-tests/src/test/java/dev/quarry/it/embed/EmbedTest.java"),
      Path.of("../integration-tests/src/test/java/dev/quarry/it/embed/ComputedTest.java"),
      Path.of("../integration-tests/src/test/java/dev/quarry/it/types/CelsiusConverter.java"),
      Path.of("../integration-tests/src/test/java/dev/quarry/it/types/User.java"),
      Path.of("../integration-tests/src/test/java/dev/quarry/it/types/JsonTest.java"),
      Path.of("../integration-tests/src/test/java/dev/quarry/it/inherit/Person.java"),
      Path.of("../integration-tests/src/test/java/dev/quarry/it/inherit/Employee.java"),
      Path.of("../integration-tests/src/test/java/dev/quarry/it/inherit/InheritSingleTableTest.java"));
  private static final Pattern TOUR_BLOCK =
      Pattern.compile("<!-- tour:([a-z-]+) -->\\n```java\\n(.*?)```\\n", Pattern.DOTALL);
  private static final Pattern EXCERPT_BLOCK =
      Pattern.compile("<!-- excerpt: (\\S+) -->\\n```java\\n(.*?)```\\n", Pattern.DOTALL);

  static Map<String, String> snippets() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Path source : SOURCES) {
      List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).trim();
        if (!line.startsWith("// tour:")) {
          continue;
        }
        String name = line.substring("// tour:".length());
        List<String> body = new ArrayList<>();
        int j = i + 1;
        while (!lines.get(j).trim().equals("// end")) {
          body.add(lines.get(j++));
        }
        out.put(name, dedent(body));
      }
    }
    return out;
  }

  private static String dedent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
        .min().orElse(0);
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
    }
    return sb.toString();
  }

  @Test
  void tourBlocksMatchTheTestedSources() throws IOException {
    Map<String, String> snippets = snippets();
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("readme.update")) {
      Matcher m = TOUR_BLOCK.matcher(readme);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String code = snippets.getOrDefault(m.group(1), m.group(2));
        m.appendReplacement(sb, Matcher.quoteReplacement("<!-- tour:" + m.group(1) + " -->\n```java\n" + code + "```\n"));
      }
      m.appendTail(sb);
      readme = sb.toString();
      Files.writeString(README, readme, StandardCharsets.UTF_8);
    }
    Matcher m = TOUR_BLOCK.matcher(readme);
    List<String> seen = new ArrayList<>();
    while (m.find()) {
      String name = m.group(1);
      assertTrue(snippets.containsKey(name), "README quotes tour:" + name + ", which no tour source defines");
      assertEquals(snippets.get(name), m.group(2), "README block tour:" + name
          + " differs from its source; run the sample-app tests with -Dreadme.update=true");
      seen.add(name);
    }
    List<String> missing = new ArrayList<>(snippets.keySet());
    missing.removeAll(seen);
    assertEquals(List.of(), missing, "tour snippets not quoted in README.md");
  }

  @Test
  void excerptsAreVerbatimRunsOfTheirFiles() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Matcher m = EXCERPT_BLOCK.matcher(readme);
    int count = 0;
    while (m.find()) {
      count++;
      List<String> file = Files.readAllLines(Path.of(m.group(1)), StandardCharsets.UTF_8);
      List<String> excerpt = List.of(m.group(2).split("\n", -1)).subList(0, m.group(2).split("\n", -1).length - 1);
      List<String> runs = excerpt.stream().filter(l -> !l.trim().equals("...")).toList();
      // "..." lines stand for omitted lines; the rest must appear in order, each run contiguous.
      int at = 0;
      List<String> run = new ArrayList<>();
      for (String line : excerpt) {
        if (line.trim().equals("...")) {
          at = find(file, run, at, m.group(1));
          run.clear();
        } else {
          run.add(line);
        }
      }
      find(file, run, at, m.group(1));
      assertFalse(runs.isEmpty());
    }
    assertTrue(count > 0, "README.md quotes no generated file");
  }

  private static int find(List<String> file, List<String> run, int from, String path) {
    if (run.isEmpty()) {
      return from;
    }
    int i = Collections.indexOfSubList(file.subList(from, file.size()), run);
    assertTrue(i >= 0, "README excerpt of " + path + " is not in the file (from line " + (from + 1) + "):\n"
        + String.join("\n", run));
    return from + i + run.size();
  }
}
