package fr.infocentre.api.accounts.violations;

import io.javalin.http.Context;

/** Breaks "the account store knows nothing of the web" (test only). */
final class AccountStoreAnsweringRequests {

    void answer(Context ctx) {
        ctx.result("account");
    }
}
