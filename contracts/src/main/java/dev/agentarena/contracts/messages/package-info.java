/**
 * The messages the services exchange over Kafka. Every message carries {@code schema}, the version of its
 * shape, so a reader can refuse a message from the future instead of misreading it.
 */
package dev.agentarena.contracts.messages;
