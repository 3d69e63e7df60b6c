package cloud.lightpane.client.internal;

import cloud.lightpane.client.auth.Credentials;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Last line of defence against leaking a secret: every message and log line passes through here on
 * its way out, and loses the configured secret and anything shaped like a LightPane token or
 * session cookie, whatever path it took to get there (a server echoing a header, for example).
 */
public final class Secrets {
  private static final Pattern TOKEN = Pattern.compile("csl_(?:ak|em|dm)_[A-Za-z0-9_=-]{4,}");
  private static final Pattern SESSION = Pattern.compile("(lightpane_session=)([^;,\\s\"]+)");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)(\\S+)");

  private Secrets() {}

  /** The text with the given credentials' secret and anything token-shaped masked. */
  public static String redact(String text, Credentials credentials) {
    if (text == null) {
      return null;
    }
    String out = text;
    String secret = credentials == null ? null : credentials.reveal();
    if (secret != null && !secret.isEmpty() && out.contains(secret)) {
      out = out.replace(secret, Credentials.mask(secret));
    }
    out = replace(TOKEN, out, m -> Credentials.mask(m.group()));
    out =
        replace(
            SESSION,
            out,
            m -> isMasked(m.group(2)) ? m.group() : m.group(1) + Credentials.mask(m.group(2)));
    out =
        replace(
            BEARER,
            out,
            m -> isMasked(m.group(2)) ? m.group() : m.group(1) + Credentials.mask(m.group(2)));
    return out;
  }

  private static boolean isMasked(String value) {
    return value.contains("...") || value.equals("****");
  }

  private static String replace(
      Pattern p, String text, java.util.function.Function<Matcher, String> f) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder sb = new StringBuilder();
    do {
      m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
    } while (m.find());
    m.appendTail(sb);
    return sb.toString();
  }
}
