package fr.infocentre.api.accounts;

import java.util.Optional;

/**
 * What a password must be, with the reason in French when it is refused: 12 to 128 characters (a
 * passphrase is welcome; the upper bound keeps hashing cheap to refuse), not made of one repeated
 * character, not containing the login.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Why this password is refused for this login, in French; empty when it is accepted. */
    public static Optional<String> refusal(String login, char[] password) {
        int length = Character.codePointCount(password, 0, password.length);
        if (length < MIN_LENGTH) {
            return Optional.of("Le mot de passe doit compter au moins " + MIN_LENGTH + " caractères (il en compte "
                    + length + ").");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Le mot de passe ne doit pas dépasser " + MAX_LENGTH + " caractères.");
        }
        String text = new String(password);
        if (text.isBlank() || text.codePoints().distinct().count() == 1) {
            return Optional.of("Le mot de passe ne doit pas être fait d'un seul caractère répété.");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("Le mot de passe ne doit pas contenir de caractère de contrôle.");
        }
        if (login != null && login.length() >= 3 && text.toLowerCase(java.util.Locale.ROOT).contains(login)) {
            return Optional.of("Le mot de passe ne doit pas contenir l'identifiant.");
        }
        return Optional.empty();
    }

    /** A password refused by the policy; its message is the French reason. */
    public static final class WeakPassword extends RuntimeException {
        public WeakPassword(String message) {
            super(message);
        }
    }
}
