package cloud.lightpane.cli.diff;

import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.ExitCodes;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/** {@code diff --key} values of any text: identity columns, or a usage error (exit 2). */
class KeyOptionFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void keysAreColumnsOrAUsageError(FuzzedDataProvider data) {
    List<String> keys = List.of(data.consumeString(50), data.consumeString(50));
    String service = data.consumeRemainingAsString();
    try {
      Identity identity = new Identity(s -> List.of(), keys);
      for (String column : identity.columns(service)) {
        if (column.isBlank()) {
          throw new AssertionError("a blank identity column from " + keys);
        }
      }
    } catch (CommandFailure refused) {
      if (refused.exitCode() != ExitCodes.USAGE) {
        throw new AssertionError("exit " + refused.exitCode() + " for " + keys, refused);
      }
    }
  }
}
