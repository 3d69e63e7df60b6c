package cloud.lightpane.cli.candidates;

import cloud.lightpane.cli.settings.SettingKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The value lists picocli offers for completion ({@code completionCandidates}), from the built-in
 * catalogue. Picocli creates these whenever it builds a command, so they read the catalogue only
 * when iterated (the completion scripts made at build time and the shell do; a one-shot command
 * never does), and their constructors do nothing, not even make a lambda: start-up pays nothing.
 */
public final class Candidates {
  private Candidates() {}

  /** Iterates the list {@link #values()} makes, asking for it on each iteration. */
  abstract static class Lazy implements Iterable<String> {
    abstract List<String> values();

    @Override
    public Iterator<String> iterator() {
      return values().iterator();
    }
  }

  /** Every service id of the catalogue. */
  public static final class ServiceIds extends Lazy {
    @Override
    List<String> values() {
      return CatalogueValues.builtIn().serviceIds(null);
    }
  }

  /** aws, gcp, azure. */
  public static final class Providers extends Lazy {
    @Override
    List<String> values() {
      return CatalogueValues.builtIn().providers();
    }
  }

  /** Every region of every provider, {@code global}, and {@code all} ({@code -r all}). */
  public static final class Regions extends Lazy {
    @Override
    List<String> values() {
      CatalogueValues values = CatalogueValues.builtIn();
      List<String> regions = new ArrayList<>(values.regions(null, values.serviceIds(null)));
      regions.add("all");
      return regions;
    }
  }

  /** Every column key of every service. */
  public static final class AttributeKeys extends Lazy {
    @Override
    List<String> values() {
      return CatalogueValues.builtIn().attributeKeys(List.of());
    }
  }

  /** table, csv, tsv, json, jsonl, markdown. */
  public static final class OutputFormats extends Lazy {
    @Override
    List<String> values() {
      return CatalogueValues.outputFormats();
    }
  }

  /** The key types of {@code keys create --type}. */
  public static final class KeyTypes extends Lazy {
    @Override
    List<String> values() {
      return List.of("api_key", "embed", "demo");
    }
  }

  /** The setting keys of {@code config get|set|unset}. */
  public static final class SettingKeys extends Lazy {
    @Override
    List<String> values() {
      List<String> keys = new ArrayList<>();
      for (SettingKey key : SettingKey.values()) {
        keys.add(key.key());
      }
      return keys;
    }
  }
}
