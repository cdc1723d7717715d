package shop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JwtTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aTokenSignedWithThePrivateKeyVerifiesWithThePublicKeyAlone() {
    KeyPair keys = newKeyPair();
    JWTAuth signer = Jwt.signer(vertx, pem("PRIVATE KEY", keys.getPrivate().getEncoded()),
        pem("PUBLIC KEY", keys.getPublic().getEncoded()), "shop");
    String token = signer.generateToken(new JsonObject().put("roles", "customer"),
        new JWTOptions().setAlgorithm(Jwt.ALGORITHM).setIssuer("shop").setSubject("user-1"));

    JWTAuth verifier = Jwt.verifier(vertx, pem("PUBLIC KEY", keys.getPublic().getEncoded()), "shop");

    assertThat(verifier.authenticate(new TokenCredentials(token)).await().subject()).isEqualTo("user-1");
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRejected() {
    KeyPair mine = newKeyPair();
    KeyPair theirs = newKeyPair();
    String forged = Jwt.signer(vertx, pem("PRIVATE KEY", theirs.getPrivate().getEncoded()),
            pem("PUBLIC KEY", theirs.getPublic().getEncoded()), "shop")
        .generateToken(new JsonObject(), new JWTOptions().setAlgorithm(Jwt.ALGORITHM).setIssuer("shop"));

    JWTAuth verifier = Jwt.verifier(vertx, pem("PUBLIC KEY", mine.getPublic().getEncoded()), "shop");

    assertThat(verifier.authenticate(new TokenCredentials(forged)).failed()).isTrue();
  }

  @Test
  void theJwksCarriesThePublicKeyCoordinates() {
    KeyPair keys = newKeyPair();
    ECPublicKey key = (ECPublicKey) keys.getPublic();

    JsonObject jwk = Jwt.jwks(pem("PUBLIC KEY", key.getEncoded())).getJsonArray("keys").getJsonObject(0);

    assertThat(jwk.getString("kty")).isEqualTo("EC");
    assertThat(jwk.getString("alg")).isEqualTo("ES256");
    assertThat(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("x")))).isEqualTo(key.getW().getAffineX());
    assertThat(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("y")))).isEqualTo(key.getW().getAffineY());
    assertThat(Base64.getUrlDecoder().decode(jwk.getString("x"))).hasSize(32);
  }

  static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
