package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.DiscoveryResponse;
import cloud.lightpane.client.discovery.Provider;
import cloud.lightpane.client.discovery.ServiceQuery;
import cloud.lightpane.client.discovery.ServiceResult;
import cloud.lightpane.stub.StubServer;
import cloud.lightpane.stub.inventory.Inventory;
import cloud.lightpane.stub.junit.LightPaneStubExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user's test: the reference server from its JUnit extension, a discovery with the client. */
class DiscoveryTest {
  @RegisterExtension
  static final LightPaneStubExtension STUB =
      LightPaneStubExtension.configure(builder -> builder.inventory(Inventory.synthetic(7)));

  @Test
  void discoversTheRowsTheServerHas(StubServer server) {
    try (LightPaneClient client =
        LightPaneClient.builder().baseUrl(server.uri()).credentials(Credentials.anonymous()).build()) {
      DiscoveryResponse response =
          client.discover(
              DiscoveryRequest.of(
                  ServiceQuery.builder("ec2").provider(Provider.AWS).region("eu-west-2").build()));
      ServiceResult result = response.results().get(0);
      assertEquals(7, result.rows().size());
      System.out.println("consumer: discovered " + result.rows().size() + " ec2 rows");
    }
  }
}
