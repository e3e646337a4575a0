package fr.infocentre.api.gestion;

import fr.infocentre.api.accounts.Account;
import fr.infocentre.api.render.HtmlRenderer;
import fr.infocentre.api.render.JsonRenderer;
import fr.infocentre.api.render.XlsxRenderer;
import fr.infocentre.api.security.Access;
import fr.infocentre.api.security.Audit;
import fr.infocentre.api.security.Authenticated;
import fr.infocentre.api.security.RestrictedRoutes;
import fr.infocentre.api.security.TerritoryParameter;
import fr.infocentre.warehouse.ActivityTable;
import fr.infocentre.warehouse.DemandeList;
import fr.infocentre.warehouse.Guichet;
import fr.infocentre.warehouse.GuichetActivity;
import fr.infocentre.warehouse.GuichetEvolution;
import fr.infocentre.warehouse.Indicator;
import fr.infocentre.warehouse.Period;
import fr.infocentre.warehouse.Scope;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.restricted.CurrentWarehouse;
import io.javalin.http.Context;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rapport 06, <em>suivi de l'activité des guichets</em>, in the espace gestionnaire, over the latest weekly load
 * ({@link CurrentWarehouse#current()} at each request):
 * <ul>
 * <li>{@code GET /gestion/rapport06} — the table with exact figures, for a département, a région (État) or a guichet and
 * a period; {@code GET /gestion/rapport06/diffusable} — its diffusable version (secret statistique applied);</li>
 * <li>{@code GET /gestion/rapport06/demandes?indicateur=&guichet=&periode=} — the demandes behind a guichet's
 * indicator, and its download {@code GET /api/v1/gestion/rapport06/demandes.xlsx} (audited as « export »);</li>
 * <li>{@code GET /gestion/guichets/{guichet}} — a guichet's last months, a chart per indicator;</li>
 * <li>the JSON twins under {@code /api/v1/gestion}: {@code rapport06}, {@code rapport06/diffusable} (and their
 * {@code .csv}), {@code rapport06/demandes}, {@code guichets/{guichet}/evolution}.</li>
 * </ul>
 * Every route declares its territories ({@code departement}, {@code region}, {@code guichet} resolved to its
 * département): the guard refuses a territory outside the account's scope before the route runs, and records every
 * request in the audit log with the number of rows returned.
 */
final class Rapport06Routes {

    static final String PAGE = RestrictedRoutes.PAGES + "/rapport06";
    static final String DIFFUSABLE_PAGE = PAGE + "/diffusable";
    static final String DEMANDES_PAGE = PAGE + "/demandes";
    static final String GUICHET_PAGE = RestrictedRoutes.PAGES + "/guichets/{guichet}";
    static final String JSON = RestrictedRoutes.API + "/rapport06";
    static final String DIFFUSABLE_JSON = JSON + "/diffusable";
    static final String DEMANDES_JSON = JSON + "/demandes";
    static final String DEMANDES_XLSX = DEMANDES_JSON + ".xlsx";
    static final String EVOLUTION_JSON = RestrictedRoutes.API + "/guichets/{guichet}/evolution";

    /** Demandes shown on the list's page; the JSON's default. */
    static final int PAGE_LIMIT = 1_000;
    /** Demandes in a downloaded list, and the JSON's maximum. */
    static final int EXPORT_LIMIT = 100_000;
    /** Months of a guichet's evolution: default, maximum. */
    static final int MONTHS = 12;
    static final int MAX_MONTHS = 24;

    private final CurrentWarehouse warehouse;
    private final HtmlRenderer html;
    private final JsonRenderer json;
    private final XlsxRenderer xlsx;

    Rapport06Routes(CurrentWarehouse warehouse, HtmlRenderer html, JsonRenderer json, XlsxRenderer xlsx) {
        this.warehouse = warehouse;
        this.html = html;
        this.json = json;
        this.xlsx = xlsx;
    }

    /** Without a weekly warehouse ({@code serve} without {@code --warehouse}): the page says why there is no figure. */
    static void addUnavailable(RestrictedRoutes routes, HtmlRenderer html) {
        routes.get(PAGE, Access.anyRole(), ctx -> {
            Map<String, Object> model = PageModels.base(ctx);
            model.put("status", 503);
            model.put("message", "Le suivi de l'activité des guichets (rapport 06) n'est pas disponible : le serveur"
                    + " a été démarré sans entrepôt hebdomadaire (option --warehouse).");
            ctx.status(503);
            html.write(ctx, "error", model);
        });
    }

    void add(RestrictedRoutes routes) {
        Access table = Access.anyRole().territory(TerritoryParameter.departement(Rapport06Request.DEPARTEMENT),
                TerritoryParameter.region(Rapport06Request.REGION),
                TerritoryParameter.resolvedBy(Rapport06Request.GUICHET, this::departementsOf));
        Access guichet = Access.anyRole().territory(TerritoryParameter.resolvedBy(Rapport06Request.GUICHET,
                this::departementsOf).required());
        routes.get(PAGE, table, ctx -> tablePage(ctx, false));
        routes.get(DIFFUSABLE_PAGE, table, ctx -> tablePage(ctx, true));
        routes.get(DEMANDES_PAGE, guichet, this::listPage);
        routes.get(GUICHET_PAGE, guichet, this::guichetPage);
        routes.get(JSON, table, ctx -> tableJson(ctx, false));
        routes.get(JSON + ".csv", table, ctx -> tableCsv(ctx, false));
        routes.get(DIFFUSABLE_JSON, table, ctx -> tableJson(ctx, true));
        routes.get(DIFFUSABLE_JSON + ".csv", table, ctx -> tableCsv(ctx, true));
        routes.get(DEMANDES_JSON, guichet, this::listJson);
        routes.get(DEMANDES_XLSX, guichet, this::listXlsx);
        routes.get(EVOLUTION_JSON, guichet, this::evolutionJson);
    }

    /** A guichet's département, for the guard (an unknown guichet: empty, refused like one outside the scope). */
    private Optional<Set<String>> departementsOf(String guichet) {
        return warehouse.current().activity().guichet(guichet).map(g -> Set.of(g.departement()));
    }

    // ---- the table ----

    private ActivityTable table(GuichetActivity activity, Scope scope, Period period, boolean diffusable) {
        return diffusable ? activity.diffusable(scope, period) : activity.rapport06(scope, period);
    }

    private void tableJson(Context ctx, boolean diffusable) {
        GuichetActivity activity = warehouse.current().activity();
        ActivityTable t = table(activity, Rapport06Request.requiredScope(ctx), Rapport06Request.requiredPeriod(ctx),
                diffusable);
        Audit.rows(ctx, t.guichets().size() + t.references().size());
        json.write(ctx, Rapport06Documents.table(t));
    }

    private void tableCsv(Context ctx, boolean diffusable) {
        GuichetActivity activity = warehouse.current().activity();
        ActivityTable t = table(activity, Rapport06Request.requiredScope(ctx), Rapport06Request.requiredPeriod(ctx),
                diffusable);
        Audit.rows(ctx, t.guichets().size() + t.references().size());
        Rapport06Csv.write(ctx, t);
    }

    private void tablePage(Context ctx, boolean diffusable) {
        Account account = Authenticated.account(ctx);
        GuichetActivity activity = warehouse.current().activity();
        Map<String, Object> model = PageModels.base(ctx);
        model.put("diffusable", diffusable);
        model.put("donneesAu", Rapport06Views.longDate(activity.dataDate()));
        model.put("rapport", activity.rapport());
        Optional<Scope> scope = Rapport06Request.scope(ctx).or(() -> Rapport06Request.defaultScope(account, activity));
        Optional<Period> period = Rapport06Request.period(ctx).or(() -> Rapport06Request.defaultPeriod(activity, diffusable));
        selectors(model, account, activity, scope.orElse(null), period.orElse(null), diffusable);
        if (scope.isEmpty()) {
            model.put("absent", "Aucun des territoires de votre compte n'est couvert par les données chargées.");
            Audit.rows(ctx, 0);
            html.write(ctx, "gestion-rapport06", model);
            return;
        }
        if (period.isEmpty()) {
            model.put("absent", "Aucune année civile n'est achevée dans les données chargées : la version diffusable"
                    + " porte sur une année achevée.");
            Audit.rows(ctx, 0);
            html.write(ctx, "gestion-rapport06", model);
            return;
        }
        ActivityTable t = table(activity, scope.get(), period.get(), diffusable);
        String query = Rapport06Request.scopeAndPeriod(scope.get(), period.get());
        model.put("table", Rapport06Views.table(t, diffusable ? null : (g, i) -> DEMANDES_PAGE + Rapport06Request.query(
                Rapport06Request.INDICATEUR, i.key(), Rapport06Request.GUICHET, g, Rapport06Request.PERIODE,
                period.get().key()), g -> guichetLink(g)));
        model.put("perimetre", scopeLabel(t));
        model.put("periode", t.period().label(t.dataDate()));
        model.put("du", Rapport06Views.date(t.start()));
        model.put("au", Rapport06Views.date(t.end()));
        model.put("complete", t.complete());
        model.put("notes", t.notes());
        model.put("guichetsListes", t.guichets().size());
        model.put("jsonLink", (diffusable ? DIFFUSABLE_JSON : JSON) + query);
        model.put("csvLink", (diffusable ? DIFFUSABLE_JSON : JSON) + ".csv" + query);
        model.put("exactLink", PAGE + query);
        Optional<Period> diffusablePeriod = Rapport06Request.periods(activity, true).contains(period.get())
                ? period : Rapport06Request.defaultPeriod(activity, true);
        model.put("diffusableLink", diffusablePeriod.map(p -> DIFFUSABLE_PAGE + Rapport06Request.scopeAndPeriod(
                scope.get(), p)).orElse(null));
        model.put("diffusableAutrePeriode", diffusablePeriod.filter(p -> !p.equals(period.get()))
                .map(p -> p.label(activity.dataDate())).orElse(null));
        Audit.rows(ctx, t.guichets().size() + t.references().size());
        html.write(ctx, "gestion-rapport06", model);
    }

    private static String scopeLabel(ActivityTable t) {
        return switch (t.scope().kind()) {
            case DEPARTEMENT -> "Département " + t.scope().code() + " – " + t.scopeName();
            case REGION -> "Région " + t.scope().code() + " – " + t.scopeName();
            case GUICHET -> "Guichet " + t.scope().code() + " – " + t.scopeName();
        };
    }

    /** The choices of scope (within the account's) and period, with the current ones selected. */
    private static void selectors(Map<String, Object> model, Account account, GuichetActivity activity, Scope scope,
                                  Period period, boolean diffusable) {
        List<Territoire> departements = Rapport06Request.departements(account, activity);
        // the guichets offered: those of the départements shown (of the first département when none is)
        List<String> shown = scope != null ? activity.departements(scope)
                : departements.stream().limit(1).map(Territoire::code).toList();
        List<Map<String, Object>> guichets = new ArrayList<>();
        for (String d : shown) {
            for (Guichet g : activity.guichets(Scope.departement(d))) {
                guichets.add(choice(g.code(), g.code() + " – " + g.libelle() + " (" + d + ")"
                        + (g.fermeture() != null ? ", fermé le " + Rapport06Views.date(g.fermeture()) : ""),
                        scope != null && scope.kind() == Scope.Kind.GUICHET && scope.code().equals(g.code())));
            }
        }
        model.put("departements", departements.stream().map(t -> choice(t.code(), t.code() + " – " + t.name(),
                scope != null && scope.kind() == Scope.Kind.DEPARTEMENT && scope.code().equals(t.code()))).toList());
        model.put("regions", Rapport06Request.regions(account, activity).stream().map(t -> choice(t.code(),
                t.code() + " – " + t.name(), scope != null && scope.kind() == Scope.Kind.REGION
                        && scope.code().equals(t.code()))).toList());
        model.put("guichets", guichets);
        Map<String, List<Map<String, Object>>> periods = new LinkedHashMap<>();
        for (Period p : Rapport06Request.periods(activity, diffusable)) {
            String group = switch (p.kind()) {
                case DOUZE_DERNIERS_MOIS -> "Glissant";
                case ANNEE -> "Années";
                case TRIMESTRE -> "Trimestres";
                case MOIS -> "Mois";
            };
            String label = p.kind() == Period.Kind.DOUZE_DERNIERS_MOIS ? "12 derniers mois" : p.label(activity.dataDate());
            periods.computeIfAbsent(group, k -> new ArrayList<>()).add(choice(p.key(),
                    label + (p.complete(activity.dataDate()) ? "" : " (en cours)"), p.equals(period)));
        }
        model.put("periodes", periods.entrySet().stream().map(e -> Map.of("label", e.getKey(), "options", e.getValue()))
                .toList());
        model.put("scopeKind", scope == null ? null : scope.kind().key());
        model.put("action", diffusable ? DIFFUSABLE_PAGE : PAGE);
    }

    private static Map<String, Object> choice(String value, String label, boolean selected) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("value", value);
        choice.put("label", label);
        choice.put("selected", selected);
        return choice;
    }

    // ---- the demandes behind an indicator ----

    private DemandeList list(Context ctx, GuichetActivity activity, int limit) {
        Indicator indicator = Rapport06Request.indicator(ctx, activity);
        return activity.demandesBehind(indicator.key(), ctx.queryParam(Rapport06Request.GUICHET),
                Rapport06Request.requiredPeriod(ctx), limit);
    }

    private void listJson(Context ctx) {
        GuichetActivity activity = warehouse.current().activity();
        DemandeList l = list(ctx, activity, Rapport06Request.bounded(ctx, "limite", 1, EXPORT_LIMIT, PAGE_LIMIT));
        Audit.rows(ctx, l.rows().size());
        json.write(ctx, Rapport06Documents.list(l));
    }

    private void listXlsx(Context ctx) {
        GuichetActivity activity = warehouse.current().activity();
        DemandeList l = list(ctx, activity, EXPORT_LIMIT);
        Audit.action(ctx, "export");
        Audit.rows(ctx, l.rows().size());
        xlsx.write(ctx, l);
    }

    private void listPage(Context ctx) {
        GuichetActivity activity = warehouse.current().activity();
        DemandeList l = list(ctx, activity, PAGE_LIMIT);
        Indicator listed = activity.indicators().stream().filter(i -> i.key().equals(l.indicator().demandes()))
                .findFirst().orElse(l.indicator());
        Map<String, Object> model = PageModels.base(ctx);
        String query = Rapport06Request.query(Rapport06Request.INDICATEUR, l.indicator().key(), Rapport06Request.GUICHET,
                l.guichet().code(), Rapport06Request.PERIODE, l.period().key());
        model.put("indicateur", l.indicator());
        model.put("unites", listed.key().equals(l.indicator().key()) ? null : listed.label());
        model.put("guichet", l.guichet());
        model.put("periode", l.period().label(l.dataDate()));
        model.put("du", Rapport06Views.date(l.start()));
        model.put("au", Rapport06Views.date(l.end()));
        model.put("donneesAu", Rapport06Views.longDate(l.dataDate()));
        model.put("champs", l.fields());
        model.put("lignes", Rapport06Views.listRows(l));
        model.put("total", l.total());
        model.put("tronquee", l.truncated());
        model.put("limite", PAGE_LIMIT);
        model.put("limiteExport", EXPORT_LIMIT);
        model.put("xlsxLink", DEMANDES_XLSX + query);
        model.put("xlsxName", XlsxRenderer.fileName(l));
        model.put("jsonLink", DEMANDES_JSON + query);
        model.put("tableLink", PAGE + Rapport06Request.scopeAndPeriod(Scope.departement(l.guichet().departement()),
                l.period()));
        model.put("guichetLink", guichetLink(l.guichet().code()));
        Audit.rows(ctx, l.rows().size());
        html.write(ctx, "gestion-rapport06-demandes", model);
    }

    // ---- a guichet's months ----

    private static String guichetLink(String guichet) {
        return RestrictedRoutes.PAGES + "/guichets/" + java.net.URLEncoder.encode(guichet,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private GuichetEvolution evolution(Context ctx, GuichetActivity activity) {
        // by default the last 12 months, or fewer when the kept history is shorter
        long covered = java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.from(activity.coveredFrom()),
                YearMonth.from(activity.dataDate())) + 1;
        int months = Rapport06Request.bounded(ctx, "mois", 1, MAX_MONTHS, (int) Math.max(1, Math.min(MONTHS, covered)));
        Optional<String> indicator = Optional.ofNullable(ctx.queryParam(Rapport06Request.INDICATEUR))
                .map(k -> Rapport06Request.indicator(ctx, activity).key());
        return activity.evolution(ctx.pathParam(Rapport06Request.GUICHET), indicator, months);
    }

    private void evolutionJson(Context ctx) {
        GuichetEvolution e = evolution(ctx, warehouse.current().activity());
        Audit.rows(ctx, e.months().size());
        json.write(ctx, Rapport06Documents.evolution(e));
    }

    private void guichetPage(Context ctx) {
        GuichetActivity activity = warehouse.current().activity();
        GuichetEvolution e = evolution(ctx, activity);
        Guichet g = e.guichet();
        Map<String, Object> model = PageModels.base(ctx);
        model.put("guichet", g);
        model.put("fermeture", g.fermeture() == null ? null : Rapport06Views.date(g.fermeture()));
        model.put("donneesAu", Rapport06Views.longDate(e.dataDate()));
        model.put("mois", e.months().size());
        model.put("premier", e.months().get(0).period().label(e.dataDate()));
        model.put("dernier", e.months().get(e.months().size() - 1).period().label(e.dataDate()));
        model.put("enCours", !e.months().get(e.months().size() - 1).complete());
        model.put("au", Rapport06Views.date(e.months().get(e.months().size() - 1).end()));
        model.put("view", Rapport06Views.evolution(e));
        model.put("data", json.forScript(Rapport06Documents.evolution(e)));
        model.put("jsonLink", EVOLUTION_JSON.replace("{guichet}", java.net.URLEncoder.encode(g.code(),
                java.nio.charset.StandardCharsets.UTF_8)) + (e.months().size() == MONTHS ? ""
                : Rapport06Request.query("mois", String.valueOf(e.months().size()))));
        model.put("tableLink", PAGE + Rapport06Request.query(Rapport06Request.GUICHET, g.code()));
        model.put("departementLink", PAGE + Rapport06Request.query(Rapport06Request.DEPARTEMENT, g.departement()));
        Audit.rows(ctx, e.months().size());
        html.write(ctx, "gestion-rapport06-guichet", model);
    }
}
