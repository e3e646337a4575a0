package fr.infocentre.api.gestion;

import fr.infocentre.api.accounts.AuditEntry;
import fr.infocentre.api.accounts.Role;
import fr.infocentre.api.accounts.SqliteAuditLog;
import fr.infocentre.api.render.HtmlRenderer;
import fr.infocentre.api.request.RequestError;
import fr.infocentre.api.security.Access;
import fr.infocentre.api.security.Audit;
import fr.infocentre.api.security.RestrictedRoutes;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The audit log, read-only, newest first, {@value #PAGE_SIZE} entries a page: {@code GET /gestion/journal?page=N}, administrateurs only. */
final class JournalRoutes {

    static final int PAGE_SIZE = 50;

    private final SqliteAuditLog log;
    private final HtmlRenderer html;

    JournalRoutes(SqliteAuditLog log, HtmlRenderer html) {
        this.log = log;
        this.html = html;
    }

    void add(RestrictedRoutes routes) {
        routes.get(RestrictedRoutes.PAGES + "/journal", Access.roles(Role.ADMINISTRATEUR), this::journal);
    }

    private void journal(Context ctx) {
        int page = page(ctx.queryParam("page"));
        long total = log.count();
        long pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page > pages) {
            throw new RequestError(404, "page", "Le journal compte " + pages + " page" + (pages > 1 ? "s" : "") + ".");
        }
        List<Map<String, Object>> entries = log.newestFirst((long) (page - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                .map(JournalRoutes::row).toList();
        Map<String, Object> model = PageModels.base(ctx);
        model.put("page", page);
        model.put("pages", pages);
        model.put("total", total);
        model.put("entries", entries);
        Audit.rows(ctx, entries.size());
        html.write(ctx, "gestion-journal", model);
    }

    private static int page(String asked) {
        if (asked == null) {
            return 1;
        }
        if (!asked.matches("[1-9]\\d{0,6}")) {
            throw new RequestError(400, "page", "Numéro de page invalide : un entier à partir de 1.");
        }
        return Integer.parseInt(asked);
    }

    private static Map<String, Object> row(SqliteAuditLog.Stored stored) {
        AuditEntry e = stored.entry();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", stored.id());
        row.put("at", Dates.shortForm(e.at()));
        row.put("login", e.login());
        row.put("action", e.action());
        row.put("route", e.route());
        row.put("parameters", e.parameters().entrySet().stream()
                .map(p -> p.getKey() + "=" + String.join("|", p.getValue())).collect(Collectors.joining(", ")));
        row.put("rows", e.rows() == null ? "" : e.rows().toString());
        row.put("status", e.status() == null ? "" : e.status().toString());
        row.put("address", e.address() == null ? "" : e.address());
        return row;
    }
}
