package cloud.lightpane.stub.internal.accounts;

import java.util.List;

/**
 * An account group: keys created with its {@code group_id} are bound to its accounts and may name
 * them by alias.
 *
 * @param id the group id, e.g. {@code demo}
 * @param aliases the aliases of the accounts in the group
 */
public record AccountGroup(String id, List<String> aliases) {
  public AccountGroup {
    aliases = List.copyOf(aliases);
  }
}
