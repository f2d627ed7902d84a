/**
 * Outgoing webhooks, whoever sends them (Jira's dynamic webhooks, Nango's webhooks to the app's backend): a
 * producer renders a message ({@link dev.jirasim.simulator.webhooks.Outgoing}), {@link dev.jirasim.simulator.webhooks.Deliveries}
 * sends it off the request thread, records every attempt and retries on the tenant's simulated clock. Plain Java, no
 * HTTP server types: the JDK's HTTP client sends.
 */
package dev.jirasim.simulator.webhooks;
