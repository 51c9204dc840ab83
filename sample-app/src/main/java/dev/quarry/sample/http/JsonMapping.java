package dev.quarry.sample.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;

/**
 * The API's one Jackson {@link ObjectMapper}, and its parse errors as client messages. Documents
 * are the views' maps and lists: written compactly in insertion order, nulls kept, dates as ISO
 * strings ({@code "2026-01-02"}), decimals without exponent. Bodies read strictly: no duplicate
 * members, nothing after the value, at most 64 levels deep, fractions as {@code BigDecimal} so
 * {@code 1.5} is never rounded to a whole number.
 */
public final class JsonMapping {
  /** Thread-safe once built: shared by every request. */
  public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
          .build())
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  /**
   * Jackson's wording for the common mistakes, in the API's words: clients have matched on these
   * messages since the API's first version, and Jackson's own text names its internals.
   */
  private static final Map<String, String> MESSAGES = Map.of(
      "was expecting a colon", "expected ':'",
      "was expecting comma to separate Array entries", "expected ',' or ']'",
      "was expecting comma to separate Object entries", "expected ',' or '}'",
      "was expecting double-quote to start field name", "expected a member name in double quotes",
      "nesting depth", "nested too deeply",
      "Trailing token", "unexpected text after the JSON value");

  private JsonMapping() {}

  /** The JSON text of {@code value}. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a view holds a value Jackson cannot write", e);
    }
  }

  /**
   * Reads a whole document as maps, lists, strings, numbers, booleans and nulls; 400 with the
   * character position on malformed input.
   */
  public static Object read(String text) {
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      long at = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
      throw ApiException.badRequest("malformed JSON" + (at < 0 ? "" : " at character " + at) + ": " + describe(e));
    }
  }

  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    for (Map.Entry<String, String> known : MESSAGES.entrySet()) {
      if (message.contains(known.getKey())) {
        return known.getValue();
      }
    }
    // Jackson's own sentence, without character codes and the echo of the source
    return message.replaceAll(" \\(code \\d+\\)", "").replaceAll(" \\(start marker at .*", "").strip();
  }
}
