package fr.infocentre.api.accounts;

/** An operation on the account store refused: an account that exists already, or that does not exist. */
public final class AccountException extends RuntimeException {

    public AccountException(String message) {
        super(message);
    }
}
