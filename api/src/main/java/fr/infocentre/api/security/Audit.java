package fr.infocentre.api.security;

import fr.infocentre.api.accounts.AuditEntry;
import fr.infocentre.api.accounts.AuditLog;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit of restricted requests: {@link GestionGuard} records one entry for every request an account makes
 * to a restricted route, after the route ran (refused ones included: action « refus »). A route tells what it
 * returned with {@link #rows(Context, long)} and may name its action with {@link #action(Context, String)}
 * (default: « consultation » for GET, « modification » otherwise). Parameters whose name suggests a secret
 * (password, CSRF token) are never recorded.
 */
public final class Audit {

    private static final String ROWS = Audit.class.getName() + ".rows";
    private static final String ACTION = Audit.class.getName() + ".action";
    private static final String EXTRA = Audit.class.getName() + ".parameters";
    private static final List<String> SECRET = List.of("mot_de_passe", "password", "csrf", "jeton", "token", "secret");

    private final AuditLog log;
    private final Clock clock;

    Audit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** How many rows (lines, demandes, guichets…) the route returned: recorded with the request. */
    public static void rows(Context ctx, long rows) {
        ctx.attribute(ROWS, rows);
    }

    /**
     * Parameters recorded with the request besides its own: what the route read from elsewhere and acted on (the
     * definition of a saved requête it ran…). Secrets are left out as for the request's own.
     */
    public static void parameters(Context ctx, Map<String, List<String>> parameters) {
        Map<String, List<String>> extra = ctx.attribute(EXTRA);
        Map<String, List<String>> all = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
        parameters.forEach((k, v) -> all.merge(k, List.copyOf(v), Audit::concat));
        ctx.attribute(EXTRA, all);
    }

    /** What the request did, in French (export, recherche de doublons…): recorded with the request. */
    public static void action(Context ctx, String action) {
        ctx.attribute(ACTION, action);
    }

    /** Records the request of this account (called once per restricted request, after its route). */
    void record(Context ctx, String login) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String route = ctx.method().name() + " " + (endpoint != null ? endpoint.path : ctx.path());
        String action = ctx.attribute(ACTION);
        if (action == null) {
            action = ctx.statusCode() == 403 ? "refus"
                    : ctx.method().name().equals("GET") ? "consultation" : "modification";
        }
        Long rows = ctx.attribute(ROWS);
        log.record(new AuditEntry(clock.instant(), login, action, route, parameters(ctx), rows, ctx.statusCode(), ctx.ip()));
    }

    private static Map<String, List<String>> parameters(Context ctx) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        ctx.pathParamMap().forEach((k, v) -> parameters.put(k, List.of(v)));
        ctx.queryParamMap().forEach((k, v) -> parameters.merge(k, v, Audit::concat));
        try {
            RequestInput.form(ctx).forEach((k, v) -> parameters.merge(k, v, Audit::concat));
        } catch (Exception e) {
            // an unreadable body was refused before the route: nothing more to record
        }
        Map<String, List<String>> extra = ctx.attribute(EXTRA);
        if (extra != null) {
            extra.forEach((k, v) -> parameters.merge(k, v, Audit::concat));
        }
        parameters.keySet().removeIf(Audit::secret);
        return parameters;
    }

    private static boolean secret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET.stream().anyMatch(lower::contains);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
