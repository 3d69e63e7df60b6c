package cloud.lightpane.client.internal.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A parsed row's values: an unmodifiable map held as one array of values against keys shared by
 * every row of the same shape. The rows of a result nearly always have the same keys in the same
 * order, so a row costs one array instead of a hash map with an entry per column (at a million rows
 * the maps were most of the parser's allocation). Nested values are already unmodifiable.
 */
public final class RowValues extends AbstractMap<String, Object> {

  /** The keys of a row, in order, with an index for lookups; shared by rows of the same shape. */
  static final class Shape {
    final String[] keys;
    private final Map<String, Integer> index;

    Shape(String[] keys) {
      this.keys = keys;
      this.index = new HashMap<>(keys.length * 2);
      for (int i = 0; i < keys.length; i++) {
        index.put(keys[i], i);
      }
    }

    int indexOf(Object key) {
      Integer i = index.get(key);
      return i == null ? -1 : i;
    }
  }

  private final Shape shape;
  private final Object[] values;

  RowValues(Shape shape, Object[] values) {
    this.shape = shape;
    this.values = values;
  }

  @Override
  public Object get(Object key) {
    int i = shape.indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return shape.indexOf(key) >= 0;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isEmpty() {
    return values.length == 0;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    String[] keys = shape.keys;
    for (int i = 0; i < values.length; i++) {
      action.accept(keys[i], values[i]);
    }
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(shape.keys[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return values.length;
      }
    };
  }
}
