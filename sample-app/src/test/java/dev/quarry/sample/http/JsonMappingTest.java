package dev.quarry.sample.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API's Jackson configuration: the shape of what it writes, and what it accepts and refuses. */
class JsonMappingTest {
  @Test
  void writesViewsCompactlyInInsertionOrderWithNullsAndIsoDates() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "a\"b\\c\n\t\u0001");
    m.put("n", 42L);
    m.put("d", new BigDecimal("1E+3"));
    m.put("none", null);
    m.put("date", LocalDate.of(2026, 1, 2));
    m.put("list", Arrays.asList(1, null, true));
    assertEquals("{\"s\":\"a\\\"b\\\\c\\n\\t\\u0001\",\"n\":42,\"d\":1000,\"none\":null,\"date\":\"2026-01-02\","
        + "\"list\":[1,null,true]}", JsonMapping.write(m));
  }

  @Test
  void readsWholeNumbersAsIntegersAndFractionsExactly() {
    Object v = JsonMapping.read(" {\"a\": [1, -2.5, 3e2, true, false, null], \"b\": {\"c\": \"d\\n\\u00e9\\\"\"}, \"e\": {}} ");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("a", Arrays.asList(1, new BigDecimal("-2.5"), new BigDecimal("3e2"), true, false, null));
    expected.put("b", Map.of("c", "d\né\""));
    expected.put("e", Map.of());
    assertEquals(expected, v);
    assertEquals(List.of(), JsonMapping.read("[]"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{|1|Unexpected end-of-input: expected close marker for Object",
      "{\"a\" 1}|5|expected ':'",
      "[1 2]|3|expected ',' or ']'",
      "{\"a\":1 \"b\":2}|7|expected ',' or '}'",
      "{a:1}|1|expected a member name in double quotes",
      "{\"a\":1,\"a\":2}|10|Duplicate field 'a'",
      "{} 1|3|unexpected text after the JSON value",
      "tru|0|Unrecognized token 'tru'",
  })
  void refusesMalformedInputWithThePosition(String input, int position, String message) {
    ApiException e = assertThrows(ApiException.class, () -> JsonMapping.read(input));
    assertEquals(400, e.status());
    String expected = "malformed JSON at character " + position + ": " + message;
    assertEquals(expected, e.getMessage().substring(0, Math.min(e.getMessage().length(), expected.length())),
        e.getMessage());
  }

  @Test
  void limitsNesting() {
    String deep = "[".repeat(100) + "]".repeat(100);
    assertEquals("malformed JSON: nested too deeply",
        assertThrows(ApiException.class, () -> JsonMapping.read(deep)).getMessage());
  }
}
