package shop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.events.EventEnvelope;
import shop.testing.Await;
import shop.testing.Consul;
import shop.testing.Http;
import shop.testing.ServiceProcess;
import shop.testing.TestTokens;

/**
 * notification-service sending over SMTP to a real SMTP server (GreenMail) in this JVM. It is the
 * only instance running while this class runs, so it is the one that consumes the events sent here.
 */
class NotificationEmailIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static GreenMail smtp;
  private static int smtpPort;
  private static ServiceProcess service;
  private static Http api;
  private static OrdersTopic orders;

  @BeforeAll
  static void start() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    smtpPort = smtp.getSmtp().getPort();
    service = ServiceProcess.start("notification-service", "notification-service-it-mail", Map.of(
        "MAIL_SMTP_HOST", "127.0.0.1",
        "MAIL_SMTP_PORT", String.valueOf(smtpPort),
        "MAIL_POLL_INTERVAL_MS", "100",
        "MAIL_RETRY_DELAY_MS", "200",
        // Room for a slow restart of the SMTP server in the retry test before the email is given up.
        "MAIL_MAX_ATTEMPTS", "10"));
    api = new Http(Consul.address(service.instanceId()) + "/api/v1");
    orders = new OrdersTopic();
  }

  @AfterAll
  static void stop() {
    orders.close();
    service.close();
    smtp.stop();
  }

  @Test
  void eachEventIsEmailedOnceToTheOrdersAddress() {
    String userId = UUID.randomUUID().toString();
    String email = "ann-" + userId + "@example.com";
    String orderId = UUID.randomUUID().toString();
    EventEnvelope confirmed = OrdersTopic.confirmed(orderId, userId, email, 1250, "EUR");

    orders.publish(confirmed);
    orders.publish(confirmed);
    orders.publish(OrdersTopic.cancelled(orderId, userId, email, "SHIPPING_FAILED"));

    Await.until(TIMEOUT, "both notifications SENT", () -> {
      List<JsonObject> sent = notifications(userId);
      return sent.size() == 2 && sent.stream().allMatch(n -> n.getString("status").equals("SENT"));
    });
    String reference = orderId.substring(0, 8).toUpperCase();
    List<MimeMessage> received = receivedBy(email);
    assertThat(received).extracting(NotificationEmailIT::subject).containsExactlyInAnyOrder(
        "Your order " + reference + " is confirmed", "Your order " + reference + " was cancelled");
    MimeMessage confirmation = received.stream()
        .filter(m -> subject(m).endsWith("confirmed")).findFirst().orElseThrow();
    assertThat(GreenMailUtil.getBody(confirmation)).contains("12.50 EUR");
    assertThat(GreenMailUtil.getAddressList(fromOf(confirmation))).isEqualTo("shop@shop.local");
    assertThat(notifications(userId)).allSatisfy(n -> assertThat(n.getString("sentAt")).isNotNull());
  }

  @Test
  void anEmailTheServerCouldNotTakeIsSentOnceItIsBack() {
    String userId = UUID.randomUUID().toString();
    String email = "bob-" + userId + "@example.com";
    smtp.stop();
    try {
      orders.publish(OrdersTopic.cancelled(UUID.randomUUID().toString(), userId, email, "OUT_OF_STOCK"));

      Await.until(TIMEOUT, "a failed attempt to email " + email,
          () -> service.log().contains("to " + email + " failed (attempt 1, now PENDING)"));
      assertThat(notifications(userId)).extracting(n -> n.getString("status")).containsExactly("PENDING");
    } finally {
      smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
    }

    Await.until(TIMEOUT, "the email to be sent", () -> !receivedBy(email).isEmpty());
    Await.until(TIMEOUT, "the notification to be SENT",
        () -> notifications(userId).get(0).getString("status").equals("SENT"));
    assertThat(receivedBy(email)).hasSize(1);
  }

  private static List<JsonObject> notifications(String userId) {
    return api.get("/notifications", TestTokens.customer(userId)).items();
  }

  private static List<MimeMessage> receivedBy(String recipient) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return GreenMailUtil.getAddressList(m.getRecipients(RecipientType.TO)).equals(recipient);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static jakarta.mail.Address[] fromOf(MimeMessage message) {
    try {
      return message.getFrom();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
