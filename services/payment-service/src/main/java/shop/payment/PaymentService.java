package shop.payment;

import io.vertx.core.Future;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.util.List;
import shop.contracts.events.Topic;
import shop.contracts.payments.Payments;
import shop.payment.api.PaymentRoutes;
import shop.payment.bus.PaymentsBusService;
import shop.payment.ledger.PaymentLedger;
import shop.payment.ledger.PaymentRepository;
import shop.payment.provider.PaymentProvider;
import shop.payment.saga.PaymentSaga;
import shop.platform.boot.ServiceContext;
import shop.platform.boot.ServiceLauncher;
import shop.platform.boot.ServiceModule;

/**
 * payment-service: an idempotent ledger of charges and refunds against a simulated provider, served
 * as the {@code payments} event-bus service, to the choreographed saga over Kafka, and as the
 * customer's read-only list of payments.
 */
public final class PaymentService implements ServiceModule {

  public static void main(String[] args) {
    ServiceLauncher.launch(new PaymentService());
  }

  /** The breaker around the card provider, as shop_breaker_state and the breakers feed name it. */
  static final String PROVIDER_BREAKER = "card-provider";

  @Override
  public String name() {
    return "payment-service";
  }

  @Override
  public Future<Void> start(ServiceContext context) {
    PaymentProvider provider = new PaymentProvider(context.vertx(), context.config()::current);
    JWTAuth jwt = context.jwtVerifier();

    return context.createTopics(List.of(Topic.PAYMENTS.topicName()))
        .compose(v -> context.openDatabase())
        .compose(pool -> {
          PaymentRepository payments = new PaymentRepository(pool);
          PaymentLedger ledger = new PaymentLedger(payments, provider, context.breaker(PROVIDER_BREAKER),
              context.meters());
          return context.relayOutbox(pool)
              .compose(v -> context.serveEventBus(Payments.ADDRESS, Payments.class,
                  new PaymentsBusService(pool, payments, ledger)))
              .compose(v -> context.consumeEvents(pool, PaymentSaga.CONSUMER, PaymentSaga.TOPICS,
                  new PaymentSaga(ledger)))
              .compose(v -> context.serveHttp((api, vertx) -> new PaymentRoutes(payments, jwt).mount(api)));
        });
  }
}
