package shop.user;

import io.vertx.core.Future;
import io.vertx.ext.auth.jwt.JWTAuth;
import shop.contracts.users.UserDirectory;
import shop.platform.boot.ServiceContext;
import shop.platform.boot.ServiceLauncher;
import shop.platform.boot.ServiceModule;
import shop.platform.config.ServiceConfig;
import shop.platform.security.Jwt;
import shop.user.account.AccountRoutes;
import shop.user.account.Accounts;
import shop.user.account.UserRepository;
import shop.user.auth.AuthRoutes;
import shop.user.auth.PasswordHasher;
import shop.user.auth.TokenIssuer;
import shop.user.directory.UserDirectoryBusService;

/** user-service: users and their credentials, logins that issue JWTs, and the {@code users} lookup. */
public final class UserService implements ServiceModule {

  public static void main(String[] args) {
    ServiceLauncher.launch(new UserService());
  }

  @Override
  public String name() {
    return "user-service";
  }

  @Override
  public Future<Void> start(ServiceContext context) {
    ServiceConfig config = context.config();
    String publicKey = Jwt.readPem(config.getString("jwt.public-key-file"));
    JWTAuth signer = Jwt.signer(context.vertx(), Jwt.readPem(config.getString("jwt.private-key-file")), publicKey,
        config.getString("jwt.issuer"));
    TokenIssuer tokens = new TokenIssuer(signer, config.getString("jwt.issuer"),
        config.getInt("jwt.expires-in-seconds"));
    JWTAuth verifier = context.jwtVerifier();
    PasswordHasher hasher = new PasswordHasher(context.vertx(), config.getInt("password.pbkdf2-iterations"));

    return context.openDatabase().compose(pool -> {
      UserRepository users = new UserRepository(pool);
      Accounts accounts = new Accounts(users, hasher);
      return accounts.ensureAdmin(config.getString("admin.email"), config.getString("admin.name"),
              config.getString("admin.password"))
          .compose(v -> context.serveEventBus(UserDirectory.ADDRESS, UserDirectory.class,
              new UserDirectoryBusService(users)))
          .compose(v -> context.serveHttp((api, vertx) -> {
            new AccountRoutes(accounts, verifier).mount(api);
            new AuthRoutes(accounts, tokens, Jwt.jwks(publicKey)).mount(api);
          }));
    });
  }
}
