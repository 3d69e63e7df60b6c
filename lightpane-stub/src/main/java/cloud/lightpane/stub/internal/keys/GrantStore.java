package cloud.lightpane.stub.internal.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The grants of the server, looked up by the SHA-256 of a token or by id.
 *
 * <p>In memory by default. With a data directory every change (creation, revocation) is written to
 * {@code grants.json} before the method returns: the whole file is written to a temporary file,
 * forced to disk, renamed over the old one and the directory forced, so a process killed at any
 * moment leaves either the old or the new file, never a torn one, and nothing it acknowledged is
 * lost. {@code last_used_at} changes on every authenticated request, so it is kept in memory and
 * written with the next change and on {@link #close()}; a killed server may lose only that.
 */
public final class GrantStore implements AutoCloseable {

  static final String FILE_NAME = "grants.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;
  private final FileChannel lockChannel; // holds the directory's lock; closing it releases it
  private final Object writeLock = new Object();
  private final Map<String, Grant> byId = new LinkedHashMap<>();
  private final Map<String, String> idByHash = new HashMap<>();
  private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();

  private GrantStore(Path directory, FileChannel lockChannel) {
    this.directory = directory;
    this.lockChannel = lockChannel;
  }

  /** A store that forgets everything when the server stops. */
  public static GrantStore inMemory() {
    return new GrantStore(null, null);
  }

  /**
   * A store kept in {@code directory} (created if missing), loading the grants already there.
   *
   * @throws UncheckedIOException when the directory cannot be used, is in use by another server, or
   *     holds a grants file that cannot be read (the message says which and why)
   */
  public static GrantStore inDirectory(Path directory) {
    FileChannel channel = null;
    try {
      createPrivateDirectory(directory);
      channel = openPrivate(directory.resolve(".lock"), StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new IOException("another server is using this data directory");
      }
      GrantStore store = new GrantStore(directory, channel);
      store.load();
      return store;
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new UncheckedIOException(
          "cannot use data directory " + directory + ": " + why,
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  private void load() throws IOException {
    Path file = directory.resolve(FILE_NAME);
    try (var stale = Files.newDirectoryStream(directory, FILE_NAME + ".tmp*")) {
      for (Path tmp : stale) {
        Files.deleteIfExists(tmp); // an interrupted write; its content was never acknowledged
      }
    }
    if (!Files.exists(file)) {
      return;
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
      for (JsonNode node : root.required("grants")) {
        Grant grant = GrantJson.fromStored(node);
        byId.put(grant.grantId(), grant);
        idByHash.put(hex(grant.tokenHash()), grant.grantId());
      }
    } catch (IOException | RuntimeException e) {
      throw new IOException(file.getFileName() + " is not a grants file: " + e.getMessage(), e);
    }
  }

  /** Adds a grant; with a data directory, returns only once it is on disk. */
  public Grant add(Grant grant) {
    synchronized (writeLock) {
      Map<String, Grant> next = new LinkedHashMap<>(snapshot());
      next.put(grant.grantId(), grant);
      persist(next.values());
      synchronized (byId) {
        byId.put(grant.grantId(), grant);
        idByHash.put(hex(grant.tokenHash()), grant.grantId());
      }
      return grant;
    }
  }

  /**
   * Revokes a grant (again, if it already is); with a data directory, returns only once that is on
   * disk.
   */
  public Optional<Grant> revoke(String grantId) {
    synchronized (writeLock) {
      Grant current = byId(grantId).orElse(null);
      if (current == null) {
        return Optional.empty();
      }
      if (current.revoked()) {
        return Optional.of(current);
      }
      Grant revoked = current.asRevoked();
      Map<String, Grant> next = new LinkedHashMap<>(snapshot());
      next.put(grantId, revoked);
      persist(next.values());
      synchronized (byId) {
        byId.put(grantId, revoked);
      }
      return Optional.of(withLastUsed(revoked));
    }
  }

  /** Records that a key authenticated a request (kept in memory; written with the next change). */
  public void markUsed(String grantId, Instant when) {
    lastUsed.merge(grantId, when, (a, b) -> a.isAfter(b) ? a : b);
  }

  /**
   * The grant whose token has this SHA-256. The map finds a candidate by hash and the hashes are
   * then compared with {@link MessageDigest#isEqual} (constant time); a lookup keyed by a hash
   * tells a timing observer nothing about any token.
   */
  public Optional<Grant> byTokenHash(byte[] hash) {
    Grant grant;
    synchronized (byId) {
      String id = idByHash.get(hex(hash));
      grant = id == null ? null : byId.get(id);
    }
    if (grant == null || !MessageDigest.isEqual(grant.tokenHash(), hash)) {
      return Optional.empty();
    }
    return Optional.of(withLastUsed(grant));
  }

  /** The grant with this id. */
  public Optional<Grant> byId(String grantId) {
    synchronized (byId) {
      return Optional.ofNullable(byId.get(grantId)).map(this::withLastUsed);
    }
  }

  /** Every grant, revoked ones included, in creation order. */
  public List<Grant> list() {
    List<Grant> result = new ArrayList<>();
    for (Grant grant : snapshot().values()) {
      result.add(withLastUsed(grant));
    }
    return result;
  }

  /** Writes pending {@code last_used_at} values and releases the data directory. */
  @Override
  public void close() {
    if (directory == null) {
      return;
    }
    synchronized (writeLock) {
      try {
        if (!lastUsed.isEmpty()) {
          persist(snapshot().values());
        }
      } finally {
        closeQuietly(lockChannel); // releases the lock too
      }
    }
  }

  private Map<String, Grant> snapshot() {
    synchronized (byId) {
      return new LinkedHashMap<>(byId);
    }
  }

  private Grant withLastUsed(Grant grant) {
    Instant used = lastUsed.get(grant.grantId());
    if (used == null || (grant.lastUsedAt() != null && !used.isAfter(grant.lastUsedAt()))) {
      return grant;
    }
    return grant.usedAt(used);
  }

  private void persist(Iterable<Grant> grants) {
    if (directory == null) {
      return;
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("format", 1);
    ArrayNode array = root.putArray("grants");
    for (Grant grant : grants) {
      array.add(GrantJson.stored(withLastUsed(grant)));
    }
    Path file = directory.resolve(FILE_NAME);
    Path tmp = directory.resolve(FILE_NAME + ".tmp");
    try {
      byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
      try (FileChannel out =
          openPrivate(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates the directory 0700 (its missing parents too) whatever the umask, and narrows an
   * existing one that others could read: it holds the hashes of every key.
   */
  private static void createPrivateDirectory(Path directory) throws IOException {
    Files.createDirectories(directory);
    if (posix(directory)) {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /**
   * Opens (creating if missing) a file of the store, 0600 whatever the umask: the mode is set on
   * the open file before a byte is written.
   */
  private static FileChannel openPrivate(Path file, StandardOpenOption... options)
      throws IOException {
    Set<StandardOpenOption> all = new HashSet<>(List.of(options));
    all.add(StandardOpenOption.CREATE);
    FileChannel channel = FileChannel.open(file, all);
    if (posix(file)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
    return channel;
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Makes the rename itself durable (on Linux a directory can be opened and forced). */
  private void forceDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory; the rename is as durable as they allow.
    }
  }

  private static String hex(byte[] hash) {
    return Base64.getEncoder().encodeToString(hash);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing left to do
      }
    }
  }
}
