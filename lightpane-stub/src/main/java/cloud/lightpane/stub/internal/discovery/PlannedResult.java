package cloud.lightpane.stub.internal.discovery;

import cloud.lightpane.stub.inventory.ColumnDefinition;
import cloud.lightpane.stub.inventory.ServiceDefinition;
import java.util.List;
import java.util.Set;

/**
 * One validated entry of a discovery request: what to return for it.
 *
 * @param service the catalogue service
 * @param region the region asked for
 * @param columns the columns of the result, in the order asked (all, in catalogue order, when no
 *     attributes were given)
 * @param accountIds the accounts whose rows the caller may see, or null for every row
 */
record PlannedResult(
    ServiceDefinition service,
    String region,
    List<ColumnDefinition> columns,
    Set<String> accountIds) {}
