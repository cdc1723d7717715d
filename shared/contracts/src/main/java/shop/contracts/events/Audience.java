package shop.contracts.events;

/** Who may rely on an event type. */
public enum Audience {

  /** Any client: documented and kept compatible, published whether or not a service of the shop consumes it. */
  PUBLIC,

  /** The shop's own services, as a step of a saga: it is published for the services that react to it. */
  INTERNAL
}
