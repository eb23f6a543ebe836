/**
 * The messages the services exchange over Kafka. Every message carries {@code schema}, the major version of its
 * shape: readers ignore fields they do not know (a newer minor may add some) and refuse another major instead of
 * misreading it ({@link dev.agentarena.contracts.messages.MessageSchema}).
 */
package dev.agentarena.contracts.messages;
