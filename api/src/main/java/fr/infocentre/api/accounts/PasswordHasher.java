package fr.infocentre.api.accounts;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.nio.CharBuffer;

/**
 * Argon2id password hashes (Spring Security Crypto's encoder over Bouncy Castle's Argon2), in the PHC string
 * format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) that carries its own parameters and random
 * salt. Parameters: OWASP's first recommendation for Argon2id (19 MiB of memory, 2 iterations, 1 lane),
 * 16-byte salt, 32-byte hash: about 50 ms a hash on the project's machine.
 */
public final class PasswordHasher {

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    /** A hash of a random password, verified when the login is unknown so that both answers take as long. */
    private final String decoy = encoder.encode(java.util.UUID.randomUUID().toString());

    public String hash(char[] password) {
        return encoder.encode(CharBuffer.wrap(password));
    }

    public boolean matches(char[] password, String hash) {
        return hash != null && hash.startsWith("$argon2id$") && encoder.matches(CharBuffer.wrap(password), hash);
    }

    /** Spends the time of a verification, for a login that has no hash (unknown or refused before checking). */
    public void spendVerificationTime(char[] password) {
        encoder.matches(CharBuffer.wrap(password), decoy);
    }
}
