/** What programs outside the cluster may do over the event bus, through the gateway's bridges. */
package shop.contracts.bridge;
