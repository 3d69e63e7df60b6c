package cloud.lightpane.stub.internal.auth;

import cloud.lightpane.stub.internal.keys.Grant;

/** Who a request acts for, once authentication has run. */
public sealed interface Caller {

  /** The demo user, through a live session cookie: all accounts, {@code /keys} allowed. */
  record Session() implements Caller {}

  /** A bearer access key: its bindings, services and constraints apply. */
  record Key(Grant grant) implements Caller {}

  /** No credential: the demo inventory, {@code /discovery} only. */
  record Anonymous() implements Caller {}
}
