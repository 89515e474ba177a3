package io.switchboard.console.internal;

import io.switchboard.store.api.Database;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a presented bearer token into its user: looked up by hash, refused once revoked or
 * expired. Stateless; every check reads the database, so a revocation takes effect at once.
 */
public final class TokenAuthenticator {

    private final Database database;
    private final TokenService tokens;
    private final TokenTable tokenTable = new TokenTable();

    public TokenAuthenticator(Database database, TokenService tokens) {
        this.database = Objects.requireNonNull(database, "database");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    public Optional<AuthenticatedUser> authenticate(String secret) throws SQLException {
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        String hash = tokens.hashOf(secret);
        return database.read(connection -> tokenTable.find(connection, hash))
                .filter(stored -> !stored.revoked() && tokens.isLive(stored.expiresAt()))
                .map(TokenTable.StoredToken::user);
    }
}
