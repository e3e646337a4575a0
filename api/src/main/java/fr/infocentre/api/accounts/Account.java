package fr.infocentre.api.accounts;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * An account of the espace gestionnaire, as stored (never its password hash).
 *
 * @param login       lower-case identifier, 3 to 64 characters among a-z, 0-9, '.', '_' and '-'
 * @param displayName the name shown to users
 */
public record Account(String login, String displayName, Role role, Scope scope, boolean enabled,
                      Instant created, Instant updated) {

    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    /** The longest display name accepted. */
    public static final int NAME_MAX = 100;

    /** Whether a login is well formed (lower case, 3 to 64 characters among a-z, 0-9, '.', '_', '-'). */
    public static boolean validLogin(String login) {
        return login != null && LOGIN.matcher(login).matches();
    }

    /** Whether a display name is acceptable: 1 to 100 characters, no control character, not blank. */
    public static boolean validDisplayName(String name) {
        return name != null && !name.isBlank() && name.length() <= NAME_MAX
                && name.codePoints().noneMatch(Character::isISOControl);
    }
}
