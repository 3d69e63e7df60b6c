package cloud.lightpane.stub.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.Http;
import cloud.lightpane.stub.KeySpec;
import cloud.lightpane.stub.MintedKey;
import cloud.lightpane.stub.junit.LightPaneStubExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bindings, account groups and the {@code account} alias. */
class AccountsTest {

  @RegisterExtension static LightPaneStubExtension stub = new LightPaneStubExtension();

  private static String entry(String service, String provider, String region, String account) {
    return "{\"services\": [{\"service\": \""
        + service
        + "\", \"provider\": \""
        + provider
        + "\", \"region\": \""
        + region
        + "\", \"attributes\": [\"name\"]"
        + (account == null ? "" : ", \"account\": \"" + account + "\"")
        + "}]}";
  }

  private static Http.Reply ec2(Http.Request request) {
    return request.send();
  }

  private Http.Request post(String body) {
    return new Http(stub.uri()).post("/discovery", body);
  }

  private static List<String> names(Http.Request request) {
    return names(request.send());
  }

  private static List<String> names(Http.Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    List<String> names = new ArrayList<>();
    for (JsonNode row : reply.json().at("/results/0/rows")) {
      names.add(row.get("name").asText());
    }
    assertEquals(names.size(), reply.json().at("/results/0/metadata/count").asInt());
    return names;
  }

  @Test
  void anonymousAndSessionSeeBothAwsAccounts() {
    List<String> anonymous = names(ec2(post(entry("ec2", "aws", "eu-west-2", null))));
    assertTrue(anonymous.stream().anyMatch(n -> n.startsWith("prod-")));
    assertTrue(anonymous.stream().anyMatch(n -> n.startsWith("staging-")));
    assertEquals(
        anonymous, names(ec2(post(entry("ec2", "aws", "eu-west-2", null)).session(stub.server()))));
  }

  @Test
  void keysSeeOnlyTheirBoundAccounts() {
    MintedKey staging = stub.mintKey(KeySpec.apiKey("staging").cloudAccount("aws", "210987654321"));
    List<String> names =
        names(post(entry("ec2", "aws", "eu-west-2", null)).bearer(staging.token()).send());
    // The staging account's 4 instances of eu-west-2, none of prod's 8.
    assertEquals(4, names.size(), names.toString());
    assertTrue(names.stream().allMatch(n -> n.startsWith("staging-")), names.toString());
    Http.Reply gcp =
        post(entry("gcp_compute_instances", "gcp", "europe-west2", null))
            .bearer(staging.token())
            .send();
    assertEquals(403, gcp.status());
    assertEquals("Account not permitted for this token", gcp.error());
  }

  @Test
  void aliasesNarrowToOneAccountOfTheCallersGroups() {
    MintedKey group = stub.mintKey(KeySpec.apiKey("group").groupId("demo"));
    List<String> prod =
        names(post(entry("ec2", "aws", "us-east-1", "prod")).bearer(group.token()).send());
    assertEquals(3, prod.size(), prod.toString());
    assertTrue(prod.stream().allMatch(n -> n.startsWith("prod-")), prod.toString());
    List<String> staging =
        names(post(entry("ec2", "aws", "us-east-1", "staging")).session(stub.server()));
    assertEquals(1, staging.size(), staging.toString());
    assertTrue(staging.get(0).startsWith("staging-"), staging.toString());
  }

  @Test
  void refusesAliasesOutsideTheCallersGroupsOrProvider() {
    MintedKey noGroup = stub.mintKey(KeySpec.apiKey("no group"));
    MintedKey group = stub.mintKey(KeySpec.apiKey("group").groupId("demo"));
    MintedKey prodOnly =
        stub.mintKey(
            KeySpec.apiKey("prod only").groupId("demo").cloudAccount("aws", "123456789012"));
    for (Http.Request request :
        new Http.Request[] {
          post(entry("ec2", "aws", "eu-west-2", "prod")),
          post(entry("ec2", "aws", "eu-west-2", "prod")).bearer(noGroup.token()),
          post(entry("ec2", "aws", "eu-west-2", "qa")).bearer(group.token()),
          post(entry("ec2", "aws", "eu-west-2", "staging")).bearer(prodOnly.token()),
          post(entry("gcp_compute_instances", "gcp", "europe-west2", "prod")).bearer(group.token()),
          post(entry("gcp_compute_instances", "gcp", "europe-west2", "prod"))
              .session(stub.server()),
          post(entry("ec2", "aws", "eu-west-2", "123456789012")).session(stub.server()),
        }) {
      Http.Reply reply = request.send();
      assertEquals(403, reply.status(), reply.body());
      assertEquals("Account not permitted for this token", reply.error());
    }
  }

  @Test
  void demoDataCoversTheRegionsTheContractNames() {
    // The demo estate's row counts per service, region and account (docs/cli.md's table shows
    // ec2 in eu-west-2 with 12 rows, 8 + 4): each must answer rows, and exactly these many.
    StringBuilder counts = new StringBuilder();
    for (String service : new String[] {"ec2", "s3", "lambda_functions"}) {
      for (String region : new String[] {"eu-west-2", "us-east-1"}) {
        for (String account : new String[] {"prod", "staging"}) {
          Http.Reply reply =
              post(entry(service, "aws", region, account)
                      .replace(
                          "\"name\"",
                          service.equals("s3")
                              ? "\"bucket_name\""
                              : service.equals("ec2") ? "\"name\"" : "\"function_name\""))
                  .session(stub.server())
                  .send();
          assertEquals(200, reply.status(), reply.body());
          counts
              .append(service + " " + region + " " + account + ": ")
              .append(reply.json().at("/results/0/metadata/count").asInt())
              .append('\n');
        }
      }
    }
    counts
        .append("ec2 eu-west-1: ")
        .append(names(post(entry("ec2", "aws", "eu-west-1", null))).size());
    counts
        .append("\ngcp_compute_instances europe-west2: ")
        .append(names(post(entry("gcp_compute_instances", "gcp", "europe-west2", null))).size());
    counts
        .append("\nazure_virtual_machines uksouth: ")
        .append(names(post(entry("azure_virtual_machines", "azure", "uksouth", null))).size());
    // A known region without resources answers an empty result, not an error.
    counts
        .append("\nec2 ap-south-2: ")
        .append(names(post(entry("ec2", "aws", "ap-south-2", null))).size());
    assertEquals(
        """
        ec2 eu-west-2 prod: 8
        ec2 eu-west-2 staging: 4
        ec2 us-east-1 prod: 3
        ec2 us-east-1 staging: 1
        s3 eu-west-2 prod: 3
        s3 eu-west-2 staging: 2
        s3 us-east-1 prod: 3
        s3 us-east-1 staging: 2
        lambda_functions eu-west-2 prod: 4
        lambda_functions eu-west-2 staging: 2
        lambda_functions us-east-1 prod: 2
        lambda_functions us-east-1 staging: 2
        ec2 eu-west-1: 2
        gcp_compute_instances europe-west2: 3
        azure_virtual_machines uksouth: 3
        ec2 ap-south-2: 0""",
        counts.toString());
  }
}
