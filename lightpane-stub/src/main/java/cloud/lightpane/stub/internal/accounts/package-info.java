/** The demo user: its linked cloud accounts, their aliases and its account group. */
package cloud.lightpane.stub.internal.accounts;
