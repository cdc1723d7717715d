package shop.platform.security;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
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
  private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  /** An ES256 signature is 64 bytes: 86 characters of unpadded base64url. */
  private static final int ES256_SIGNATURE_CHARS = 86;

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

  /**
   * Whether a token is a compact JWS as RFC 7515 writes it, signed as the shop signs: three parts
   * in canonical unpadded base64url (so that no other spelling of the same bytes verifies), a
   * header whose {@code alg} is ES256, and a 64-byte signature.
   */
  public static boolean isWellFormed(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || parts[2].length() != ES256_SIGNATURE_CHARS) {
      return false;
    }
    for (String part : parts) {
      if (!isCanonicalBase64Url(part)) {
        return false;
      }
    }
    try {
      Object header = Json.decodeValue(Buffer.buffer(Base64.getUrlDecoder().decode(parts[0])));
      return header instanceof JsonObject json && ALGORITHM.equals(json.getValue("alg"));
    } catch (DecodeException e) {
      return false;
    }
  }

  /**
   * Unpadded base64url whose last character carries no stray bits: the one spelling of its bytes
   * (RFC 4648, 3.5).
   */
  static boolean isCanonicalBase64Url(String text) {
    if (text.isEmpty() || text.length() % 4 == 1) {
      return false;
    }
    int last = 0;
    for (int i = 0; i < text.length(); i++) {
      last = BASE64URL.indexOf(text.charAt(i));
      if (last < 0) {
        return false;
      }
    }
    return switch (text.length() % 4) {
      case 2 -> (last & 0x0f) == 0;
      case 3 -> (last & 0x03) == 0;
      default -> true;
    };
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
