package cloud.lightpane.stub.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a catalogue or fixture file into plain values: {@code Map<String, Object>} (in file order),
 * {@code List<Object>}, String, Boolean, Long, BigInteger, Double or null. It uses Jackson's
 * streaming parser only, not databind, so the built-in catalogue costs little to load on the CLI's
 * start-up path. A key given twice in one object is refused, as is anything after the value.
 */
final class PlainJson {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private PlainJson() {}

  /**
   * The value in these bytes.
   *
   * @param source the file or resource name for messages
   * @throws FixtureException naming the source, the line and column and what is wrong
   */
  static Object parse(byte[] bytes, String source) {
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new FixtureException(source + ": $: empty file; expected a JSON object");
      }
      Object value = value(parser, first);
      if (parser.nextToken() != null) {
        throw new FixtureException(
            source
                + ": "
                + where(parser.currentTokenLocation())
                + "not valid JSON: text after the value");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new FixtureException(
          source + ": " + where(e.getLocation()) + "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new FixtureException(source + ": cannot read: " + e.getMessage());
    }
  }

  private static Object value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        Map<String, Object> object = new LinkedHashMap<>();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
          object.put(name, value(parser, parser.nextToken()));
        }
        return object;
      case START_ARRAY:
        List<Object> array = new ArrayList<>();
        for (JsonToken next = parser.nextToken();
            next != JsonToken.END_ARRAY;
            next = parser.nextToken()) {
          array.add(value(parser, next));
        }
        return array;
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? parser.getBigIntegerValue()
            : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT:
        // As a double, as fixtures were always served: 2.25e3 is written back as 2250.0.
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  private static String where(JsonLocation location) {
    return location == null
        ? ""
        : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
  }
}
