/**
 * The client's configuration as the SDK and the {@code lightpane} command share it: the settings,
 * their environment variables and defaults ({@link cloud.lightpane.client.config.ClientSetting}),
 * and the profile files ({@link cloud.lightpane.client.config.ProfileStore}).
 */
package cloud.lightpane.client.config;
