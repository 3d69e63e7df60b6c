package cloud.lightpane.stub.internal.discovery;

import java.io.IOException;

/**
 * A body's stream that can take bytes by reference: the kept rows of a result ({@link EncodedRows})
 * never change once made, so a stream that holds the body until it is sent may keep the array
 * itself rather than a copy of it. Any other stream gets them through {@code write}.
 */
public interface KeptBytesSink {

  /** Appends these bytes, which neither the caller nor anyone else changes afterwards. */
  void writeKept(byte[] bytes) throws IOException;
}
