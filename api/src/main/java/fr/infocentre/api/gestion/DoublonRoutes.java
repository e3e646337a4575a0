package fr.infocentre.api.gestion;

import fr.infocentre.api.accounts.Account;
import fr.infocentre.api.accounts.Role;
import fr.infocentre.api.render.HtmlRenderer;
import fr.infocentre.api.render.JsonRenderer;
import fr.infocentre.api.request.RequestError;
import fr.infocentre.api.security.Access;
import fr.infocentre.api.security.Audit;
import fr.infocentre.api.security.Authenticated;
import fr.infocentre.api.security.RestrictedRoutes;
import fr.infocentre.api.security.TerritoryParameter;
import fr.infocentre.warehouse.DoublonDemande;
import fr.infocentre.warehouse.DoublonField;
import fr.infocentre.warehouse.DoublonGroup;
import fr.infocentre.warehouse.DoublonGuichet;
import fr.infocentre.warehouse.DoublonReport;
import fr.infocentre.warehouse.Guichet;
import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RestrictedWarehouse;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.restricted.CurrentWarehouse;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The doublons potentiels of a département (docs/gestion.md, "Doublons"): the page
 * {@code GET /gestion/doublons?departement=06[&guichet=…]} (without a département, the choice of one), its JSON twin
 * {@code GET /api/v1/gestion/doublons?departement=06[&guichet=…][&limite=N]} and the XLSX export
 * {@code GET /api/v1/gestion/doublons.xlsx?departement=06[&guichet=…]}. Exact, nominative figures of the latest load,
 * for the accounts covering the département; every request is in the audit log with the demandes it returned.
 */
final class DoublonRoutes {

    static final String PAGE = RestrictedRoutes.PAGES + "/doublons";
    static final String JSON = RestrictedRoutes.API + "/doublons";
    static final String XLSX = RestrictedRoutes.API + "/doublons.xlsx";
    /** The most demandes a page lists (whole groups); the JSON's default. */
    static final int PAGE_LIMIT = 500;
    /** The most a JSON request may ask ({@code limite}). */
    static final int JSON_MAX = 5000;
    /** The most the XLSX export lists. */
    static final int EXPORT_LIMIT = 20000;
    /** The fields a group's table always shows (beside the numéro unique and the guichet). */
    private static final Set<String> ALWAYS = Set.of("date_depot", "date_enregistrement");

    private final CurrentWarehouse warehouse;
    private final HtmlRenderer html;
    private final JsonRenderer json;
    private final DoublonXlsx xlsx = new DoublonXlsx();

    DoublonRoutes(CurrentWarehouse warehouse, HtmlRenderer html, JsonRenderer json) {
        this.warehouse = warehouse;
        this.html = html;
        this.json = json;
    }

    private static Access access(boolean required) {
        TerritoryParameter departement = TerritoryParameter.departement("departement");
        return Access.roles(Role.GESTIONNAIRE, Role.ETAT, Role.ADMINISTRATEUR)
                .territory(required ? departement.required() : departement);
    }

    void add(RestrictedRoutes routes) {
        routes.get(PAGE, access(false), this::page);
        routes.get(JSON, access(true), this::document);
        routes.get(XLSX, access(true), this::export);
    }

    /** The départements of the data the account covers, by code. */
    static List<Territoire> departements(RestrictedWarehouse w, Account account) {
        return w.activity().territoires(Level.DEPARTEMENT).stream()
                .filter(t -> account.scope().coversDepartement(t.code())).toList();
    }

    private DoublonReport report(RestrictedWarehouse w, Context ctx, int limit) {
        try {
            return w.doublonsEtBilans().doublons(ctx.queryParam("departement"), ctx.queryParam("guichet"), limit);
        } catch (InvalidRequest e) {
            throw new RequestError(404, "departement", e.getMessage());
        }
    }

    private void page(Context ctx) {
        RestrictedWarehouse w = warehouse.current();
        Map<String, Object> model = PageModels.base(ctx);
        model.put("dateDonnees", w.dataDate().format(BilanPack.DATE));
        model.put("departements", departements(w, Authenticated.account(ctx)).stream()
                .map(t -> Map.of("code", t.code(), "nom", t.name())).toList());
        String asked = ctx.queryParam("departement");
        if (asked == null || asked.isBlank()) {
            Audit.rows(ctx, 0);
            html.write(ctx, "gestion-doublons", model);
            return;
        }
        DoublonReport r = report(w, ctx, PAGE_LIMIT);
        Audit.action(ctx, "recherche de doublons");
        Audit.rows(ctx, r.demandesListed());
        model.put("departement", Map.of("code", r.departement().code(), "nom", r.departement().name()));
        model.put("guichet", r.guichet() == null ? null : r.guichet().code());
        model.put("groupesTotal", r.groupsTotal());
        model.put("demandesTotal", r.demandesTotal());
        model.put("demandesListees", r.demandesListed());
        model.put("tronque", r.truncated());
        model.put("limite", PAGE_LIMIT);
        model.put("groupes", groups(r));
        model.put("parGuichet", r.guichets().stream().map(DoublonRoutes::summary).toList());
        model.put("notes", r.notes());
        String query = "departement=" + r.departement().code() + (r.guichet() == null ? ""
                : "&guichet=" + java.net.URLEncoder.encode(r.guichet().code(), java.nio.charset.StandardCharsets.UTF_8));
        model.put("query", query);
        html.write(ctx, "gestion-doublons", model);
    }

    /** The groups as the page shows them: the fixed columns, then the fields that differ, marked. */
    private static List<Map<String, Object>> groups(DoublonReport r) {
        List<Map<String, Object>> groups = new ArrayList<>();
        int n = 0;
        for (DoublonGroup g : r.groups()) {
            n++;
            List<DoublonField> shown = r.fields().stream().filter(f -> !f.key().equals("code_guichet")
                    && (ALWAYS.contains(f.key()) || g.differs(f.key()))).toList();
            List<Map<String, Object>> columns = shown.stream().map(f -> Map.<String, Object>of("libelle", f.label(),
                    "differe", g.differs(f.key()))).toList();
            List<Map<String, Object>> demandes = new ArrayList<>();
            for (DoublonDemande d : g.demandes()) {
                List<Map<String, Object>> cells = shown.stream().map(f -> Map.<String, Object>of("valeur",
                        text(d.value(f.key())), "differe", g.differs(f.key()))).toList();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("numero", d.numeroUnique());
                row.put("guichet", d.guichet().code());
                row.put("libelleGuichet", d.guichet().libelle() == null ? "" : d.guichet().libelle());
                row.put("cellules", cells);
                demandes.add(row);
            }
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("numero", n);
            group.put("id", g.idDemandeur());
            group.put("plusieursGuichets", g.severalGuichets());
            group.put("guichets", String.join(", ", g.guichets()));
            group.put("guichetDiffere", g.differs("code_guichet"));
            group.put("differents", g.differing().stream().map(k -> r.fields().stream().filter(f -> f.key().equals(k))
                    .findFirst().orElseThrow().label()).toList());
            group.put("colonnes", columns);
            group.put("demandes", demandes);
            groups.add(group);
        }
        return groups;
    }

    private static Map<String, Object> summary(DoublonGuichet g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", g.guichet().code());
        m.put("libelle", g.guichet().libelle() == null ? "" : g.guichet().libelle());
        m.put("departement", g.guichet().departement() == null ? "" : g.guichet().departement());
        m.put("duDepartement", g.ofDepartement());
        m.put("dans", g.inDepartement());
        m.put("ailleurs", g.inOtherDepartements());
        m.put("total", g.indicator16());
        return m;
    }

    private void document(Context ctx) {
        int limit = limit(ctx.queryParam("limite"));
        DoublonReport r = report(warehouse.current(), ctx, limit);
        Audit.action(ctx, "recherche de doublons");
        Audit.rows(ctx, r.demandesListed());
        json.write(ctx, document(r, limit));
    }

    private static int limit(String asked) {
        if (asked == null) {
            return PAGE_LIMIT;
        }
        if (!asked.matches("[1-9]\\d{0,5}") || Integer.parseInt(asked) > JSON_MAX) {
            throw new RequestError(400, "limite", "Limite invalide : un nombre de demandes de 1 à " + JSON_MAX + ".");
        }
        return Integer.parseInt(asked);
    }

    /** The JSON document of a report (dates ISO). */
    static Map<String, Object> document(DoublonReport r, int limit) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("departement", Map.of("code", r.departement().code(), "nom", r.departement().name()));
        doc.put("date_donnees", r.dataDate().toString());
        doc.put("guichet", r.guichet() == null ? null : r.guichet().code());
        doc.put("limite", limit);
        doc.put("groupes_total", r.groupsTotal());
        doc.put("demandes_total", r.demandesTotal());
        doc.put("demandes_listees", r.demandesListed());
        doc.put("tronque", r.truncated());
        doc.put("champs", r.fields().stream().map(f -> Map.of("cle", f.key(), "libelle", f.label())).toList());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (DoublonGroup g : r.groups()) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("id_demandeur", g.idDemandeur());
            group.put("departement", g.departement());
            group.put("guichets", g.guichets());
            group.put("champs_differents", g.differing());
            group.put("demandes", g.demandes().stream().map(d -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("numero_unique", d.numeroUnique());
                m.put("guichet", guichet(d.guichet()));
                Map<String, Object> values = new LinkedHashMap<>();
                d.values().forEach((k, v) -> values.put(k, v instanceof LocalDate day ? day.toString() : v));
                m.put("valeurs", values);
                return m;
            }).toList());
            groups.add(group);
        }
        doc.put("groupes", groups);
        doc.put("par_guichet", r.guichets().stream().map(g -> {
            Map<String, Object> m = new LinkedHashMap<>(guichet(g.guichet()));
            m.put("dans_les_groupes_du_departement", g.inDepartement());
            m.put("dans_des_groupes_d_autres_departements", g.inOtherDepartements());
            m.put("indicateur_16", g.indicator16());
            return m;
        }).toList());
        doc.put("notes", r.notes());
        return doc;
    }

    private static Map<String, Object> guichet(Guichet g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", g.code());
        m.put("libelle", g.libelle());
        m.put("departement", g.departement());
        return m;
    }

    private void export(Context ctx) {
        RestrictedWarehouse w = warehouse.current();
        DoublonReport r = report(w, ctx, EXPORT_LIMIT);
        Audit.action(ctx, "export");
        Audit.rows(ctx, r.demandesListed());
        ctx.contentType(BilanXlsx.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + DoublonXlsx.fileName(r, w.dataDate()) + "\"")
                .result(xlsx.bytes(r));
    }

    /** A value as a page and the export show it: a date dd/mm/yyyy, a boolean oui/non, empty for none. */
    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof LocalDate d) {
            return d.format(BilanPack.DATE);
        }
        if (v instanceof Boolean b) {
            return b ? "oui" : "non";
        }
        return v.toString();
    }
}
