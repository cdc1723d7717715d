package shop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.platform.security.JwtTest.newKeyPair;
import static shop.platform.security.JwtTest.pem;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.security.KeyPair;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachingJwtVerifierTest {

  private final Vertx vertx = Vertx.vertx();
  private final KeyPair keys = newKeyPair();
  private final JWTAuth signer = Jwt.signer(vertx, pem("PRIVATE KEY", keys.getPrivate().getEncoded()),
      pem("PUBLIC KEY", keys.getPublic().getEncoded()), "shop");
  private final CachingJwtVerifier verifier = new CachingJwtVerifier(
      Jwt.verifier(vertx, pem("PUBLIC KEY", keys.getPublic().getEncoded()), "shop"), 100);

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void verifiesATokenOnceAndThenRemembersIt() {
    String token = tokenExpiringAt(nowSeconds() + 600);

    User first = verifier.authenticate(new TokenCredentials(token)).await();
    User second = verifier.authenticate(new TokenCredentials(token)).await();

    assertThat(first.subject()).isEqualTo("user-1");
    assertThat(second).isSameAs(first);
  }

  @Test
  void rejectsForgedAndExpiredTokens() {
    KeyPair theirs = newKeyPair();
    String forged = Jwt.signer(vertx, pem("PRIVATE KEY", theirs.getPrivate().getEncoded()),
            pem("PUBLIC KEY", theirs.getPublic().getEncoded()), "shop")
        .generateToken(new JsonObject(), new JWTOptions().setAlgorithm(Jwt.ALGORITHM).setIssuer("shop"));
    verifier.authenticate(new TokenCredentials(tokenExpiringAt(nowSeconds() + 600))).await();

    assertThat(verifier.authenticate(new TokenCredentials(forged)).failed()).isTrue();
    assertThat(verifier.authenticate(new TokenCredentials(tokenExpiringAt(nowSeconds() - 60))).failed()).isTrue();
  }

  @Test
  void forgetsARememberedTokenOnceItsExpiryPasses() {
    long expiry = nowSeconds() + 600;
    AtomicLong clockMillis = new AtomicLong(System.currentTimeMillis());
    CachingJwtVerifier verifierWithClock = new CachingJwtVerifier(
        Jwt.verifier(vertx, pem("PUBLIC KEY", keys.getPublic().getEncoded()), "shop"), 100, clockMillis::get);
    TokenCredentials token = new TokenCredentials(tokenExpiringAt(expiry));
    User remembered = verifierWithClock.authenticate(token).await();

    clockMillis.set(expiry * 1000);

    // By the cache's clock the token has expired: it verifies the token again instead of answering from memory.
    assertThat(verifierWithClock.authenticate(token).await()).isNotSameAs(remembered);
  }

  private String tokenExpiringAt(long exp) {
    return signer.generateToken(new JsonObject().put("exp", exp),
        new JWTOptions().setAlgorithm(Jwt.ALGORITHM).setIssuer("shop").setSubject("user-1"));
  }

  private static long nowSeconds() {
    return System.currentTimeMillis() / 1000;
  }
}
