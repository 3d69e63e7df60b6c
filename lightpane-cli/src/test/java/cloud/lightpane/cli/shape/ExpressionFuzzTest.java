package cloud.lightpane.cli.shape;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * {@code --where} terms and {@code --sort} keys of any text: a value, or a {@link ShapeException}
 * (a usage error with words); nothing else, and no hang on a pathological pattern.
 */
class ExpressionFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void whereTermsParseOrSayWhy(FuzzedDataProvider data) {
    // What picocli hands over: never null.
    String term = data.consumeRemainingAsString();
    if (term.contains("~")) {
      // KEY~REGEX compiles the user's own pattern by design (Jazzer flags any Pattern.compile of
      // fuzzed text as "regular expression injection"); the other operators are fuzzed.
      return;
    }
    try {
      Condition.parse(term);
    } catch (ShapeException expected) {
      if (expected.getMessage() == null || expected.getMessage().isBlank()) {
        throw new AssertionError("a refusal without words for " + term);
      }
    }
  }

  @FuzzTest(maxDuration = "60s")
  void sortKeysParseOrSayWhy(FuzzedDataProvider data) {
    String key = data.consumeRemainingAsString();
    try {
      SortKey.parse(key);
    } catch (ShapeException expected) {
      if (expected.getMessage() == null || expected.getMessage().isBlank()) {
        throw new AssertionError("a refusal without words for " + key);
      }
    }
  }
}
