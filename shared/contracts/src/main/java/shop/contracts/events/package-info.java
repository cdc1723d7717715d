/**
 * The shop's event contracts, in one place for producers and consumers alike: the topics, the event
 * types ({@link shop.contracts.events.EventType}, the catalogue) and the payloads that consumers read.
 * Plain Java, outside the event-bus codegen.
 */
package shop.contracts.events;
