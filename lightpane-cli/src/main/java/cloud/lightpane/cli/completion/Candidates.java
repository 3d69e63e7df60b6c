package cloud.lightpane.cli.completion;

import cloud.lightpane.cli.config.SettingKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The value lists picocli offers for completion ({@code completionCandidates}), from the built-in
 * catalogue. Picocli creates these whenever it builds a command, so they read the catalogue only
 * when iterated: the completion scripts made at build time and the shell do; a one-shot command
 * never does.
 */
public final class Candidates {
  private Candidates() {}

  /** Iterates the list {@code values} supplies, asking for it on each iteration. */
  abstract static class Lazy implements Iterable<String> {
    private final Supplier<List<String>> values;

    Lazy(Supplier<List<String>> values) {
      this.values = values;
    }

    @Override
    public Iterator<String> iterator() {
      return values.get().iterator();
    }
  }

  /** Every service id of the catalogue. */
  public static final class ServiceIds extends Lazy {
    public ServiceIds() {
      super(() -> CatalogueValues.builtIn().serviceIds(null));
    }
  }

  /** aws, gcp, azure. */
  public static final class Providers extends Lazy {
    public Providers() {
      super(() -> CatalogueValues.builtIn().providers());
    }
  }

  /** Every region of every provider, and {@code global}. */
  public static final class Regions extends Lazy {
    public Regions() {
      super(
          () -> {
            CatalogueValues values = CatalogueValues.builtIn();
            return values.regions(null, values.serviceIds(null));
          });
    }
  }

  /** Every column key of every service. */
  public static final class AttributeKeys extends Lazy {
    public AttributeKeys() {
      super(() -> CatalogueValues.builtIn().attributeKeys(List.of()));
    }
  }

  /** table, csv, json, jsonl. */
  public static final class OutputFormats extends Lazy {
    public OutputFormats() {
      super(CatalogueValues::outputFormats);
    }
  }

  /** The key types of {@code keys create --type}. */
  public static final class KeyTypes extends Lazy {
    public KeyTypes() {
      super(() -> List.of("api_key", "embed", "demo"));
    }
  }

  /** The setting keys of {@code config get|set|unset}. */
  public static final class SettingKeys extends Lazy {
    public SettingKeys() {
      super(
          () -> {
            List<String> keys = new ArrayList<>();
            for (SettingKey key : SettingKey.values()) {
              keys.add(key.key());
            }
            return keys;
          });
    }
  }
}
