package cloud.lightpane.client.internal.exchange;

import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.internal.BodyReader;
import java.util.concurrent.CompletableFuture;

/**
 * Adds the client's credentials to every attempt: {@code Authorization: Bearer} for an access key,
 * the {@code lightpane_session} cookie for a session, nothing for anonymous access.
 */
public final class CredentialsExchange implements Exchange {
  private final Exchange next;
  private final String name;
  private final String value;

  /** The layer over {@code next}. */
  public CredentialsExchange(Credentials credentials, Exchange next) {
    this.next = next;
    if (credentials.kind() == Credentials.Kind.API_KEY) {
      name = "Authorization";
      value = "Bearer " + credentials.reveal();
    } else if (credentials.kind() == Credentials.Kind.SESSION) {
      name = "Cookie";
      value = Credentials.SESSION_COOKIE_NAME + "=" + credentials.reveal();
    } else {
      name = null;
      value = null;
    }
  }

  private void add(Attempt attempt) {
    if (name != null) {
      attempt.headers().put(name, value);
    }
  }

  @Override
  public <T> Outcome<T> send(Attempt attempt, BodyReader<T> reader) throws InterruptedException {
    add(attempt);
    return next.send(attempt, reader);
  }

  @Override
  public <T> CompletableFuture<Outcome<T>> sendAsync(Attempt attempt, BodyReader<T> reader) {
    add(attempt);
    return next.sendAsync(attempt, reader);
  }

  @Override
  public String toString() {
    return "CredentialsExchange[" + (name == null ? "anonymous" : name) + "]";
  }
}
