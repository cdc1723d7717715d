package shop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
  void onlyTheCanonicalSpellingOfASignedTokenVerifies() {
    KeyPair keys = newKeyPair();
    String token = Jwt.signer(vertx, pem("PRIVATE KEY", keys.getPrivate().getEncoded()),
            pem("PUBLIC KEY", keys.getPublic().getEncoded()), "shop")
        .generateToken(new JsonObject(), new JWTOptions().setAlgorithm(Jwt.ALGORITHM).setIssuer("shop"));
    JWTAuth verifier = new CachingJwtVerifier(
        Jwt.verifier(vertx, pem("PUBLIC KEY", keys.getPublic().getEncoded()), "shop"), 10);
    String[] parts = token.split("\\.");
    // The signature's last character carries 2 bits of the signature and 4 bits that must be zero.
    char last = parts[2].charAt(parts[2].length() - 1);
    String base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char sameBytes = base64url.charAt(base64url.indexOf(last) | 1);
    String otherHeader = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(verifier.authenticate(new TokenCredentials(token)).await()).isNotNull();
    assertThat(verifier.authenticate(new TokenCredentials(token + "A")).failed()).as("a character appended").isTrue();
    assertThat(verifier.authenticate(new TokenCredentials(token + "==")).failed()).as("padding").isTrue();
    assertThat(verifier.authenticate(new TokenCredentials(token.substring(0, token.length() - 1) + sameBytes))
        .failed()).as("stray bits in the last character").isTrue();
    assertThat(verifier.authenticate(new TokenCredentials(otherHeader + "." + parts[1] + "." + parts[2])).failed())
        .as("another alg").isTrue();
  }

  @Test
  void canonicalBase64UrlHasNoStrayBitsAndNoPadding() {
    assertThat(Jwt.isCanonicalBase64Url("QQ")).isTrue();   // "A"
    assertThat(Jwt.isCanonicalBase64Url("QR")).isFalse();  // "A" too, with stray bits
    assertThat(Jwt.isCanonicalBase64Url("QUE")).isTrue();  // "AA"
    assertThat(Jwt.isCanonicalBase64Url("QUF")).isFalse();
    assertThat(Jwt.isCanonicalBase64Url("QUFB")).isTrue(); // "AAA"
    assertThat(Jwt.isCanonicalBase64Url("QUFBQ")).isFalse();
    assertThat(Jwt.isCanonicalBase64Url("QQ==")).isFalse();
    assertThat(Jwt.isCanonicalBase64Url("Q+/A")).isFalse();
    assertThat(Jwt.isCanonicalBase64Url("")).isFalse();
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
