/**
 * Test-side webhook receivers: a loopback server with one inbox per test or scenario, used by the JUnit extension
 * and the conformance suite to catch what the simulated services deliver. Plain JDK HTTP server; no emulated service
 * depends on it.
 */
package dev.jirasim.simulator.receiver;
