package dev.quarry.sample.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The sample's JSON reader and writer. */
class JsonTest {
  @Test
  void readsEveryKindOfValue() {
    Object v = Json.parse(" {\"a\": [1, -2.5, 3e2, true, false, null], \"b\": {\"c\": \"d\\n\\u00e9\\\"\"}, \"e\": {}} ");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("a", Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5"), new BigDecimal("3e2"), true, false,
        null));
    expected.put("b", Map.of("c", "d\né\""));
    expected.put("e", Map.of());
    assertEquals(expected, v);
    assertEquals(List.of(), Json.parse("[]"));
    assertEquals("x", Json.parse("\"x\""));
  }

  @Test
  void writesAndRoundTrips() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "a\"b\\c\n\t\u0001");
    m.put("n", 42L);
    m.put("d", new BigDecimal("1E+3"));
    m.put("x", Double.NaN);
    m.put("date", LocalDate.of(2026, 1, 2));
    m.put("list", Arrays.asList(1, null, true));
    String text = Json.write(m);
    assertEquals("{\"s\":\"a\\\"b\\\\c\\n\\t\\u0001\",\"n\":42,\"d\":1000,\"x\":null,\"date\":\"2026-01-02\","
        + "\"list\":[1,null,true]}", text);
    Map<?, ?> back = (Map<?, ?>) Json.parse(text);
    assertEquals("a\"b\\c\n\t\u0001", back.get("s"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{|1|unexpected end of input",
      "{\"a\" 1}|5|expected ':'",
      "[1,]|3|unexpected character ']'",
      "[1 2]|3|expected ']'",
      "01|1|unexpected text after the JSON value",
      "1.|2|bad number: digits expected after '.'",
      "tru|0|unexpected token",
      "{\"a\":1,\"a\":2}|7|duplicate member \"a\"",
      "\"abc|4|unterminated string",
      "\"\\x\"|3|bad escape \\x",
      "{a:1}|1|expected a member name in double quotes",
  })
  void rejectsMalformedInputWithThePosition(String input, int position, String message) {
    Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse(input));
    assertEquals("malformed JSON at character " + position + ": " + message, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "nul", "-", "1e", "[", "\"\t\""})
  void rejectsMoreMalformedInput(String input) {
    assertThrows(Json.JsonException.class, () -> Json.parse(input));
  }

  @Test
  void limitsNesting() {
    String deep = "[".repeat(100) + "]".repeat(100);
    assertTrue(assertThrows(Json.JsonException.class, () -> Json.parse(deep)).getMessage().contains("nested too deeply"));
  }
}
