package shop.notification.mail;

import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import java.util.Locale;
import shop.platform.config.ServiceConfig;

/** The {@code mail.*} settings, read once at startup. */
public record MailSettings(String smtpHost, int smtpPort, StartTLSOptions starttls, String username, String password,
                           String from, long pollIntervalMs, int batchSize, RetryPolicy retries) {

  public static MailSettings from(ServiceConfig config) {
    return new MailSettings(
        config.getString("mail.smtp-host").trim(),
        config.getInt("mail.smtp-port"),
        StartTLSOptions.valueOf(config.getString("mail.starttls").trim().toUpperCase(Locale.ROOT)),
        config.getString("mail.username"),
        config.getString("mail.password"),
        config.getString("mail.from"),
        config.getLong("mail.poll-interval-ms"),
        config.getInt("mail.batch-size"),
        new RetryPolicy(config.getInt("mail.max-attempts"), config.getLong("mail.retry-delay-ms")));
  }

  /** Whether emails are sent: without an SMTP host they are only recorded in the database. */
  public boolean delivering() {
    return !smtpHost.isEmpty();
  }

  MailConfig mailConfig() {
    MailConfig config = new MailConfig().setHostname(smtpHost).setPort(smtpPort).setStarttls(starttls);
    return username.isBlank()
        ? config.setLogin(LoginOption.DISABLED)
        : config.setLogin(LoginOption.REQUIRED).setUsername(username).setPassword(password);
  }
}
