package shop.notification.mail;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.notification.store.Notification;
import shop.notification.store.NotificationCounter;
import shop.notification.store.NotificationRepository;
import shop.notification.store.NotificationStatus;

/**
 * Sends the {@code PENDING} notifications over SMTP. Every {@code mail.poll-interval-ms} it locks a
 * batch of due ones ({@code FOR UPDATE SKIP LOCKED}, so instances never send the same one at once),
 * sends them and records each outcome in that transaction. A failed email is tried again later,
 * and marked {@code FAILED} after {@code mail.max-attempts}.
 *
 * <p>Delivery is at least once: should the transaction fail after an email went out, the email is
 * still {@code PENDING} and goes out again.
 */
public final class MailSender extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(MailSender.class);

  private final Pool pool;
  private final NotificationRepository notifications;
  private final NotificationCounter counter;
  private final MailSettings settings;
  private MailClient client;
  private long timer;
  private boolean sending;

  public MailSender(Pool pool, NotificationRepository notifications, NotificationCounter counter,
      MailSettings settings) {
    this.pool = pool;
    this.notifications = notifications;
    this.counter = counter;
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    client = MailClient.create(vertx, settings.mailConfig());
    timer = vertx.setPeriodic(settings.pollIntervalMs(), id -> tick());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return client.close();
  }

  private void tick() {
    if (sending) {
      return;
    }
    sending = true;
    pool.withTransaction(this::sendDue)
        .onFailure(e -> log.warn("sending notifications failed, will retry: {}", e.getMessage()))
        .onComplete(done -> sending = false);
  }

  private Future<Void> sendDue(SqlConnection tx) {
    return notifications.lockDue(tx, settings.batchSize())
        .compose(due -> Future.all(due.stream().map(notification -> send(tx, notification)).toList()))
        .mapEmpty();
  }

  private Future<Void> send(SqlConnection tx, Notification notification) {
    MailMessage message = new MailMessage()
        .setFrom(settings.from())
        .setTo(notification.recipient())
        .setSubject(notification.subject())
        .setText(notification.body());
    return client.sendMail(message).transform(sent -> {
      if (sent.succeeded()) {
        counter.countOnCommit(tx, notification.kind(), NotificationStatus.SENT);
        return notifications.markSent(tx, notification.id());
      }
      int failedAttempts = notification.attempts() + 1;
      RetryPolicy retries = settings.retries();
      NotificationStatus status = retries.givesUpAfter(failedAttempts)
          ? NotificationStatus.FAILED : NotificationStatus.PENDING;
      log.warn("email {} to {} failed (attempt {}, now {}): {}", notification.id(), notification.recipient(),
          failedAttempts, status, sent.cause().toString());
      if (status == NotificationStatus.FAILED) {
        counter.countOnCommit(tx, notification.kind(), status);
      }
      return notifications.markAttemptFailed(tx, notification.id(), sent.cause().toString(), status,
          retries.delayAfter(failedAttempts));
    });
  }
}
