package shop.platform.security;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * JSON Web Tokens signed with ES256 (ECDSA P-256). user-service holds the private key and signs;
 * everyone else verifies with the public key, which user-service also serves as a JWKS.
 */
public final class Jwt {

  public static final String ALGORITHM = "ES256";
  public static final String ROLES_CLAIM = "roles";

  private Jwt() {
  }

  /** An auth provider that verifies tokens of {@code issuer} signed by the key in a public key PEM. */
  public static JWTAuth verifier(Vertx vertx, String publicKeyPem, String issuer) {
    return JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(publicKeyPem))
        .setJWTOptions(new JWTOptions().setIssuer(issuer)));
  }

  /** An auth provider that can also sign, given the PKCS#8 private key PEM too. */
  public static JWTAuth signer(Vertx vertx, String privateKeyPem, String publicKeyPem, String issuer) {
    return JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(privateKeyPem))
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(publicKeyPem))
        .setJWTOptions(new JWTOptions().setIssuer(issuer)));
  }

  public static String readPem(String file) {
    if (file == null || file.isBlank()) {
      throw new IllegalStateException("no key file configured");
    }
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read key file " + file, e);
    }
  }

  /** The public key as a JSON Web Key Set, for verifiers that fetch keys over HTTP. */
  public static JsonObject jwks(String publicKeyPem) {
    try {
      String base64 = publicKeyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
      JsonObject jwk = new JsonObject()
          .put("kty", "EC")
          .put("crv", "P-256")
          .put("alg", ALGORITHM)
          .put("use", "sig")
          .put("x", coordinate(key.getW().getAffineX()))
          .put("y", coordinate(key.getW().getAffineY()));
      return new JsonObject().put("keys", new JsonArray().add(jwk));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("not an EC public key PEM", e);
    }
  }

  private static String coordinate(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] fixed = new byte[32];
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
  }
}
