package shop.system.orders;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import shop.testing.ServiceProcess;

/**
 * The services an order-service talks to, each in its own JVM: started once per test run and
 * shared by the order test classes, which each start the order-service they test.
 */
public final class SagaParticipants {

  private static SagaParticipants running;

  private ServiceProcess users;
  public final ServiceProcess inventory;
  private ServiceProcess payments;
  final ServiceProcess shipping;
  final ServiceProcess notifications;

  private SagaParticipants() {
    users = ServiceProcess.launch("user-service", "user-service-saga", Map.of());
    inventory = ServiceProcess.launch("inventory-service", "inventory-service-saga", Map.of());
    payments = ServiceProcess.launch("payment-service", "payment-service-saga", Map.of());
    shipping = ServiceProcess.launch("shipping-service", "shipping-service-saga", Map.of());
    notifications = ServiceProcess.launch("notification-service", "notification-service-saga", Map.of());
    for (ServiceProcess service : all()) {
      service.awaitPassing(Duration.ofSeconds(120));
    }
  }

  public static synchronized SagaParticipants start() {
    if (running == null) {
      running = new SagaParticipants();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> running.all().forEach(ServiceProcess::close)));
    }
    return running;
  }

  ServiceProcess payments() {
    return payments;
  }

  ServiceProcess users() {
    return users;
  }

  void stopUsers() {
    users.stop();
  }

  void startUsers() {
    users = users.restart();
  }

  /** Stops payment-service gracefully (it leaves the cluster and Consul). */
  void stopPayments() {
    payments.stop();
  }

  void startPayments() {
    payments = payments.restart();
  }

  private List<ServiceProcess> all() {
    return List.of(users, inventory, payments, shipping, notifications);
  }
}
