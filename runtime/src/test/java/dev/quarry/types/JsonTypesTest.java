package dev.quarry.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON column type without a database: copies, comparison, text conversion, the mapper hook. */
class JsonTypesTest {
  /** A record whose generic type must survive: a list of these reads back as records, not maps. */
  record Point(int x, int y) {}

  /** A POJO without equals. */
  static final class Box {
    public List<String> items = new ArrayList<>();
    public String ownerName;
  }

  private static final SqlType<Map<String, Object>> MAP =
      JsonTypes.of(Map.class, new TypeReference<Map<String, Object>>() {});
  private static final SqlType<List<Point>> POINTS = JsonTypes.of(List.class, new TypeReference<List<Point>>() {});
  private static final SqlType<Box> BOX = JsonTypes.of(Box.class, new TypeReference<Box>() {});

  @Test
  void describesItselfAsJson() {
    assertEquals(TypeKind.JSON, MAP.kind());
    assertEquals(Map.class, MAP.javaType());
    assertEquals("JSON", MAP.describe());
    assertEquals(POINTS, JsonTypes.of(List.class, new TypeReference<List<Point>>() {}));
    assertFalse(POINTS.equals(JsonTypes.of(List.class, new TypeReference<List<String>>() {})),
        "the generic type is part of the type");
  }

  @Test
  void copiesAreDeepAndKeepTheGenericType() {
    List<Point> points = new ArrayList<>(List.of(new Point(1, 2)));
    List<Point> copy = POINTS.copy(points);
    assertNotSame(points, copy);
    assertEquals(points, copy);
    points.add(new Point(3, 4));
    assertEquals(List.of(new Point(1, 2)), copy, "the copy shares nothing with the original");
    assertTrue(POINTS.fromObject("[{\"x\":5,\"y\":6}]").get(0) instanceof Point);
  }

  @Test
  void sameComparesDocumentsNotObjects() {
    Map<String, Object> a = new HashMap<>();
    a.put("theme", "dark");
    a.put("lang", "fa");
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("lang", "fa");
    b.put("theme", "dark");
    assertTrue(MAP.same(a, b), "map entry order does not matter");
    b.put("theme", "light");
    assertFalse(MAP.same(a, b));
    assertTrue(MAP.same(null, null));
    assertFalse(MAP.same(a, null));

    Box one = new Box();
    one.items.add("x");
    Box copy = BOX.copy(one);
    assertTrue(BOX.same(one, copy), "a POJO without equals is compared by content");
    one.items.add("y");
    assertFalse(BOX.same(one, copy), "a change made in place is seen");
  }

  @Test
  void fromObjectParsesText() {
    assertEquals(Map.of("a", 1), MAP.fromObject("{\"a\":1}"));
    Map<String, Object> m = Map.of("b", 2);
    assertSame(m, MAP.fromObject(m));
    IllegalStateException bad = assertThrows(IllegalStateException.class, () -> MAP.fromObject("{not json"));
    assertTrue(bad.getMessage().startsWith("cannot read the stored JSON as java.util.Map<java.lang.String, "
        + "java.lang.Object>"), bad.getMessage());
  }

  @Test
  void theApplicationsObjectMapperIsUsedOnceSet() throws Exception {
    Box box = new Box();
    box.ownerName = "ann";
    JsonType<Box> type = (JsonType<Box>) BOX;
    assertTrue(type.write(box).contains("\"ownerName\""));
    ObjectMapper snake = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    try {
      JsonTypes.useObjectMapper(snake);
      assertSame(snake, JsonTypes.objectMapper());
      assertTrue(type.write(box).contains("\"owner_name\":\"ann\""), type.write(box));
      assertEquals("ann", type.parse("{\"owner_name\":\"ann\"}").ownerName);
    } finally {
      JsonTypes.useObjectMapper(null);
    }
    assertTrue(type.write(box).contains("\"ownerName\""), "back to the default mapper");
  }
}
