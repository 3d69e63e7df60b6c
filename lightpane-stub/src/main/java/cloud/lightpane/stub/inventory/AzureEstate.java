package cloud.lightpane.stub.inventory;

import java.util.SplittableRandom;

/** The Azure subscription of the demo estate, in uksouth, westeurope and global. */
final class AzureEstate extends EstatePart {

  private AzureEstate(EstateRows rows) {
    super(rows);
  }

  /** Adds the subscription's resources. */
  static void add(EstateRows rows) {
    new AzureEstate(rows).azure();
  }

  private void azure() {
    azureRegion(
        "uksouth", "rg-kestrel-prod-uks", new String[] {"vm-ad-01", "vm-app-01", "vm-app-02"});
    azureRegion("westeurope", "rg-kestrel-dr-weu", new String[] {"vm-app-dr-01"});
    SplittableRandom r = random("azure", AZURE, "global");
    for (String person : new String[] {"Alice Nguyen", "Ben Carter", "Chioma Obi", "Dev Patel"}) {
      String upn = person.toLowerCase().replace(' ', '.') + "@kestrellabs.onmicrosoft.com";
      add(
          "azure_entra_users",
          AZURE,
          "global",
          row(
              "display_name",
              person,
              "user_principal_name",
              upn,
              "id",
              uuid(r),
              "account_enabled",
              !person.startsWith("Dev"),
              "created_date_time",
              date(r, 0, 500)));
    }
  }

  private void azureRegion(String region, String group, String[] vms) {
    SplittableRandom r = random("azure", AZURE, region);
    add(
        "azure_resource_groups",
        AZURE,
        region,
        row(
            "name",
            group,
            "location",
            region,
            "provisioning_state",
            "Succeeded",
            "environment",
            group.contains("dr") ? "dr" : "production"));
    int n = 0;
    for (String vm : vms) {
      n++;
      boolean windows = vm.contains("-ad-");
      add(
          "azure_virtual_machines",
          AZURE,
          region,
          row(
              "name",
              vm,
              "resource_group",
              group,
              "vm_size",
              windows ? "Standard_D2s_v5" : "Standard_B2ms",
              "power_state",
              vm.endsWith("02") ? "VM deallocated" : "VM running",
              "os_type",
              windows ? "Windows" : "Linux",
              "private_ip",
              "10.1." + (region.equals("uksouth") ? 0 : 8) + "." + (3 + n),
              "location",
              region,
              "vm_id",
              uuid(r)));
    }
    String compact = region.equals("uksouth") ? "uks" : "weu";
    add(
        "azure_storage_accounts",
        AZURE,
        region,
        row(
            "name",
            "stkestrel" + compact + hex(r, 4),
            "resource_group",
            group,
            "kind",
            "StorageV2",
            "sku",
            "Standard_GRS",
            "access_tier",
            "Hot",
            "https_only",
            true,
            "location",
            region,
            "creation_time",
            date(r, 0, 300)));
    add(
        "azure_sql_databases",
        AZURE,
        region,
        row(
            "name",
            "sqldb-billing",
            "server_name",
            "sql-kestrel-" + compact,
            "resource_group",
            group,
            "sku",
            "GP_S_Gen5_2",
            "status",
            "Online",
            "max_size_bytes",
            34_359_738_368L,
            "location",
            region));
    add(
        "azure_key_vaults",
        AZURE,
        region,
        row(
            "name",
            "kv-kestrel-" + compact,
            "resource_group",
            group,
            "sku",
            "standard",
            "vault_uri",
            "https://kv-kestrel-" + compact + ".vault.azure.net/",
            "soft_delete_enabled",
            true,
            "location",
            region));
    add(
        "azure_virtual_networks",
        AZURE,
        region,
        row(
            "name",
            "vnet-kestrel-" + compact,
            "resource_group",
            group,
            "address_space",
            region.equals("uksouth") ? "10.1.0.0/16" : "10.2.0.0/16",
            "subnet_count",
            3,
            "location",
            region));
    if (region.equals("uksouth")) {
      add(
          "azure_aks_clusters",
          AZURE,
          region,
          row(
              "name",
              "aks-kestrel-prod",
              "resource_group",
              group,
              "kubernetes_version",
              "1.30.4",
              "node_count",
              3,
              "provisioning_state",
              "Succeeded",
              "fqdn",
              "aks-kestrel-prod-" + hex(r, 8) + ".hcp.uksouth.azmk8s.io",
              "location",
              region));
      add(
          "azure_function_apps",
          AZURE,
          region,
          row(
              "name",
              "func-kestrel-invoices",
              "resource_group",
              group,
              "state",
              "Running",
              "runtime",
              "dotnet-isolated|8.0",
              "default_host_name",
              "func-kestrel-invoices.azurewebsites.net",
              "location",
              region));
    }
  }
}
