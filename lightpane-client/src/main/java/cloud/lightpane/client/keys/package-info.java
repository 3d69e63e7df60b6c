/** Access keys: list, create and revoke keys, with their types, bindings and constraints. */
package cloud.lightpane.client.keys;
