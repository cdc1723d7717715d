package shop.order.pricing;

import io.vertx.core.Future;
import java.util.List;
import shop.contracts.inventory.Inventory;
import shop.contracts.inventory.OrderLine;
import shop.contracts.inventory.PricedLine;
import shop.order.remote.GuardedService;
import shop.order.remote.Outcome;

/** The current price of each line of an order, as inventory-service says, behind the inventory breaker. */
public final class Pricing {

  private final GuardedService<Inventory> inventory;

  public Pricing(GuardedService<Inventory> inventory) {
    this.inventory = inventory;
  }

  /** The priced lines; refused, naming the product, when one does not exist; failed when inventory is unreachable. */
  public Future<Outcome<List<PricedLine>>> price(List<OrderLine> lines) {
    return inventory.outcomeOf(stock -> stock.price(lines));
  }
}
