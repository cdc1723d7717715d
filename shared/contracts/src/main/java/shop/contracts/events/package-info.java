/**
 * The shop's event contracts, in one place for producers and consumers alike: the topics, the event
 * types of each ({@link shop.contracts.events.EventType}, one catalogue per topic) and the payloads
 * that consumers read. Plain Java, outside the event-bus codegen.
 */
package shop.contracts.events;
