package fr.infocentre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readers of {@link FuiteSecretTest}: each fetches one route for one table request and returns
 * the count cells (columns of type EFFECTIF) it finds in the response, as published, plus what it
 * could not make sense of (an "incohérence": a reader that cannot read a response must say so,
 * never skip it).
 *
 * <p>HTML is read with regular expressions over the site's known markup (templates rapport.html
 * and _cellule.html); anything in a page that could carry figures and that these readers do not
 * know (another table, an inline script, a data-* attribute with digits) is reported, so a change
 * of the page cannot hide figures from the test.
 */
final class LecteursSecret {

    static final String JSON = "JSON";
    static final String CSV = "CSV";
    static final String HTML_TABLEAU = "HTML tableau";
    static final String HTML_GRAPHIQUE = "HTML graphique (donnees-rapport)";
    static final String HTML_ATTRIBUTS = "HTML data-*";

    /** The JSON route whose "colonnes" give the column types of every format of the same request. */
    static final String ROUTE_JSON = "/api/v1/rapports/{id}";

    /**
     * data-* attributes of the pages known to carry no figure (what they hold, for the reader of
     * this code). Their values must still hold no digit; any other data-* attribute is read as
     * figures, each number in it taken as a count.
     */
    static final Map<String, String> ATTRIBUTS_SANS_EFFECTIF = Map.of(
            "graphique", "the chart type (bar, line, pie, stacked-bar)",
            "selecteurs", "marks the pickers' form",
            "niveau", "marks the level picker",
            "territoire", "marks the territory picker");

    private static final Pattern TABLE = Pattern.compile("<table\\b([^>]*)>(.*?)</table>", Pattern.DOTALL);
    private static final Pattern THEAD = Pattern.compile("<thead\\b[^>]*>(.*?)</thead>", Pattern.DOTALL);
    private static final Pattern CORPS = Pattern.compile("<(tbody|tfoot)\\b[^>]*>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern LIGNE = Pattern.compile("<tr\\b[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELLULE = Pattern.compile("<(td|th)\\b([^>]*)>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern ATTRIBUT_DATA = Pattern.compile(
            "\\sdata-([A-Za-z0-9_.:-]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+)))?");
    private static final Pattern BALISE = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITE = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);");
    private static final Pattern NOMBRE = Pattern.compile("-?\\d+(?:[.,]\\d+)?");
    private static final Pattern NON_COUVERTE = Pattern.compile("pas couvertes?");

    private LecteursSecret() {
    }

    /** One table request: a rapport for one territory and one millésime. */
    record Requete(String rapport, String niveau, String code, int annee) {

        String requete() {
            return "?niveau=" + niveau + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&annee=" + annee;
        }

        @Override
        public String toString() {
            return rapport + " | " + niveau + " | " + code + " | " + annee;
        }
    }

    /** A column as the JSON "colonnes" declare it. */
    record Colonne(String cle, String libelle, String type) {

        boolean effectif() {
            return "EFFECTIF".equals(type);
        }

        @Override
        public String toString() {
            return "« " + libelle + " » (" + cle + ")";
        }
    }

    /**
     * One published cell of a count column: its line and column, the text as published, the figure
     * (null when masked or when the figure does not exist), whether it is marked as masked.
     */
    record CelluleLue(String ligne, String colonne, String texte, BigDecimal valeur, boolean masque) {
    }

    /** What a reader found in one response: the count cells and what it could not make sense of. */
    record Lecture(String format, String url, List<CelluleLue> effectifs, List<String> incoherences) {

        static Lecture echec(String format, String url, String incoherence) {
            return new Lecture(format, url, List.of(), List.of(incoherence));
        }
    }

    /**
     * The responses fetched for one table request, shared by the readers of its routes (so the
     * CSV and HTML readers get the column types from the JSON of the same request without fetching
     * it again). Used by one thread at a time.
     */
    static final class Contexte {

        private final Client client;
        private final Requete requete;
        private final Map<String, HttpResponse<String>> reponses = new HashMap<>();

        Contexte(Client client, Requete requete) {
            this.client = client;
            this.requete = requete;
        }

        Requete requete() {
            return requete;
        }

        /** The URL of a route for this request: {id} is the rapport, the query names territory and year. */
        String url(String route) {
            return route.replace("{id}", requete.rapport()) + requete.requete();
        }

        HttpResponse<String> get(String url) {
            return reponses.computeIfAbsent(url, client::get);
        }

        /** The column types of this request, from its JSON document; null when that document cannot be had. */
        List<Colonne> colonnes() {
            HttpResponse<String> reponse = get(url(ROUTE_JSON));
            if (reponse.statusCode() != 200) {
                return null;
            }
            return LecteursSecret.colonnes(Client.lire(reponse.body()));
        }
    }

    // ---------------------------------------------------------------- JSON

    /** The JSON API: every EFFECTIF value of every line and of the total; every null count must be listed in masques. */
    static List<Lecture> json(String route, Contexte ctx) {
        String url = ctx.url(route);
        HttpResponse<String> reponse = ctx.get(url);
        if (reponse.statusCode() != 200) {
            return List.of(Lecture.echec(JSON, url, statut(reponse)));
        }
        return List.of(document(Client.lire(reponse.body()), ctx.requete(), JSON, url));
    }

    /**
     * A published document (the JSON API's, or the one embedded in a page for its chart). A null
     * count not listed in masques is accepted only as a figure that does not exist: every count of
     * its line null, none listed, and a note saying that year is not covered.
     */
    static Lecture document(JsonNode doc, Requete requete, String format, String url) {
        List<String> incoherences = new ArrayList<>();
        List<CelluleLue> cellules = new ArrayList<>();
        if (!requete.niveau().equals(doc.at("/territoire/niveau").asText())
                || !requete.code().equals(doc.at("/territoire/code").asText())
                || requete.annee() != doc.path("annee").asInt()) {
            incoherences.add(url + ": the document is not the table asked for: territoire " + doc.path("territoire")
                    + ", annee " + doc.path("annee"));
        }
        List<Colonne> colonnes = colonnes(doc);
        if (colonnes == null || !doc.path("lignes").isArray()) {
            return Lecture.echec(format, url, url + ": no colonnes or lignes array in the document");
        }
        String cleLibelle = colonnes.stream().filter(c -> "LIBELLE".equals(c.type())).map(Colonne::cle).findFirst()
                .orElse(null);
        Set<String> masques = new HashSet<>();
        doc.path("masques").forEach(m -> masques.add(m.path("ligne").asText() + "/" + m.path("colonne").asText()));
        boolean nonCouverte = false;
        for (JsonNode note : doc.path("notes")) {
            nonCouverte |= NON_COUVERTE.matcher(note.asText()).find();
        }
        List<JsonNode> lignes = new ArrayList<>();
        doc.get("lignes").forEach(lignes::add);
        if (doc.hasNonNull("total")) {
            lignes.add(doc.get("total"));
        }
        Set<String> masquesVus = new HashSet<>();
        for (int i = 0; i < lignes.size(); i++) {
            JsonNode ligne = lignes.get(i);
            boolean total = i == lignes.size() - 1 && doc.hasNonNull("total");
            String cle = total ? "total" : ligne.path("cle").asText();
            String libelle = total ? "Total" : cleLibelle == null ? cle : ligne.path(cleLibelle).asText();
            boolean ligneIndisponible = nonCouverte && colonnes.stream().filter(Colonne::effectif)
                    .allMatch(c -> ligne.path(c.cle()).isNull() && !masques.contains(cle + "/" + c.cle()));
            for (Colonne c : colonnes) {
                if (!c.effectif()) {
                    continue;
                }
                JsonNode valeur = ligne.get(c.cle());
                boolean liste = masques.contains(cle + "/" + c.cle());
                String ou = url + " line « " + libelle + " » (" + cle + ") column " + c;
                if (valeur == null) {
                    incoherences.add(ou + ": count missing from the line");
                } else if (valeur.isNull()) {
                    if (liste) {
                        masquesVus.add(cle + "/" + c.cle());
                        cellules.add(new CelluleLue(libelle, c.toString(), "null", null, true));
                    } else if (ligneIndisponible) {
                        cellules.add(new CelluleLue(libelle, c.toString(), "null", null, false));
                    } else {
                        incoherences.add(ou + ": null count not listed in masques");
                    }
                } else if (valeur.isNumber()) {
                    if (liste) {
                        incoherences.add(ou + ": listed in masques but published as " + valeur);
                    }
                    cellules.add(new CelluleLue(libelle, c.toString(), valeur.toString(), valeur.decimalValue(), false));
                } else {
                    incoherences.add(ou + ": a count that is not a number: " + valeur);
                }
            }
        }
        return new Lecture(format, url, cellules, incoherences);
    }

    private static List<Colonne> colonnes(JsonNode doc) {
        if (!doc.path("colonnes").isArray() || doc.get("colonnes").isEmpty()) {
            return null;
        }
        List<Colonne> colonnes = new ArrayList<>();
        doc.get("colonnes").forEach(c -> colonnes.add(
                new Colonne(c.path("cle").asText(), c.path("libelle").asText(), c.path("type").asText())));
        return colonnes;
    }

    // ---------------------------------------------------------------- CSV

    /**
     * The CSV download: the cells of its count columns ("s" masked, empty when the figure does not
     * exist), the header mapped to column types through the JSON "colonnes" of the same request.
     */
    static List<Lecture> csv(String route, Contexte ctx) {
        String url = ctx.url(route);
        HttpResponse<String> reponse = ctx.get(url);
        if (reponse.statusCode() != 200) {
            return List.of(Lecture.echec(CSV, url, statut(reponse)));
        }
        List<Colonne> colonnes = ctx.colonnes();
        if (colonnes == null) {
            return List.of(Lecture.echec(CSV, url, url + ": no JSON colonnes for this request, cannot tell the count columns"));
        }
        String texte = reponse.body().startsWith("\uFEFF") ? reponse.body().substring(1) : reponse.body();
        List<CSVRecord> enregistrements;
        try (CSVParser parser = CSVParser.parse(new StringReader(texte), CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            enregistrements = parser.getRecords();
        } catch (IOException | UncheckedIOException e) {
            return List.of(Lecture.echec(CSV, url, url + ": unreadable CSV: " + e.getMessage()));
        }
        List<String> libelles = colonnes.stream().map(Colonne::libelle).toList();
        if (enregistrements.isEmpty() || !enregistrements.get(0).toList().equals(libelles)) {
            return List.of(Lecture.echec(CSV, url, url + ": CSV header "
                    + (enregistrements.isEmpty() ? "missing" : enregistrements.get(0).toList())
                    + " differs from the JSON colonnes " + libelles + ": cannot tell its count columns"));
        }
        List<String> incoherences = new ArrayList<>();
        List<CelluleLue> cellules = new ArrayList<>();
        int indexLibelle = indexLibelle(colonnes);
        for (CSVRecord ligne : enregistrements.subList(1, enregistrements.size())) {
            if (ligne.size() != colonnes.size()) {
                incoherences.add(url + " CSV line " + ligne.getRecordNumber() + ": " + ligne.size() + " cells for "
                        + colonnes.size() + " columns: " + ligne.toList());
                continue;
            }
            String libelle = ligne.get(indexLibelle);
            for (int j = 0; j < colonnes.size(); j++) {
                if (colonnes.get(j).effectif()) {
                    lireTexte(cellules, incoherences, url, libelle, colonnes.get(j), ligne.get(j), "s".equals(ligne.get(j)));
                }
            }
        }
        return List.of(new Lecture(CSV, url, cellules, incoherences));
    }

    // ---------------------------------------------------------------- HTML

    /**
     * A rapport page: the table's count cells (thead mapped to column types through the JSON
     * colonnes), the chart's data (the JSON document embedded for ECharts: graphique.js draws
     * only from it), and every data-* attribute carrying digits.
     */
    static List<Lecture> page(String route, Contexte ctx) {
        String url = ctx.url(route);
        HttpResponse<String> reponse = ctx.get(url);
        if (reponse.statusCode() != 200) {
            return List.of(Lecture.echec(HTML_TABLEAU, url, statut(reponse)));
        }
        String html = reponse.body();
        List<Lecture> lectures = new ArrayList<>();
        lectures.add(tableau(html, ctx.colonnes(), url));
        lectures.addAll(scripts(html, ctx.requete(), url));
        lectures.add(attributsData(html, url));
        return lectures;
    }

    private static Lecture tableau(String html, List<Colonne> colonnes, String url) {
        if (colonnes == null) {
            return Lecture.echec(HTML_TABLEAU, url, url + ": no JSON colonnes for this request, cannot tell the count columns");
        }
        List<String> incoherences = new ArrayList<>();
        List<CelluleLue> cellules = new ArrayList<>();
        Matcher tables = TABLE.matcher(html);
        int n = 0;
        String table = null;
        while (tables.find()) {
            n++;
            if (tables.group(1).contains("class=\"tableau\"")) {
                table = tables.group(2);
            }
        }
        if (n != 1 || table == null) {
            return Lecture.echec(HTML_TABLEAU, url, url + ": " + n + " <table> in the page; the reader knows one, "
                    + "<table class=\"tableau\">: say how to read the others");
        }
        Matcher thead = THEAD.matcher(table);
        List<String> entetes = new ArrayList<>();
        if (thead.find()) {
            Matcher th = CELLULE.matcher(thead.group(1));
            while (th.find()) {
                entetes.add(texte(th.group(3)));
            }
        }
        List<String> libelles = colonnes.stream().map(Colonne::libelle).toList();
        if (!entetes.equals(libelles)) {
            return Lecture.echec(HTML_TABLEAU, url, url + ": table header " + entetes + " differs from the JSON colonnes "
                    + libelles + ": cannot tell its count columns");
        }
        int indexLibelle = indexLibelle(colonnes);
        Matcher corps = CORPS.matcher(table);
        while (corps.find()) {
            Matcher tr = LIGNE.matcher(corps.group(2));
            while (tr.find()) {
                List<String[]> ligne = new ArrayList<>();
                Matcher td = CELLULE.matcher(tr.group(1));
                while (td.find()) {
                    ligne.add(new String[] {td.group(2), texte(td.group(3))});
                }
                if (ligne.size() != colonnes.size()) {
                    incoherences.add(url + ": a table row of " + ligne.size() + " cells for " + colonnes.size()
                            + " columns: " + tr.group(1).strip());
                    continue;
                }
                String libelle = ligne.get(indexLibelle)[1];
                for (int j = 0; j < colonnes.size(); j++) {
                    if (colonnes.get(j).effectif()) {
                        boolean masque = ligne.get(j)[0].matches("(?s).*class=\"[^\"]*\\bmasque\\b[^\"]*\".*");
                        lireTexte(cellules, incoherences, url, libelle, colonnes.get(j), ligne.get(j)[1], masque);
                    }
                }
            }
        }
        return new Lecture(HTML_TABLEAU, url, cellules, incoherences);
    }

    /** The chart's data; any other inline script is reported (the reader does not know how to read it). */
    private static List<Lecture> scripts(String html, Requete requete, String url) {
        List<Lecture> lectures = new ArrayList<>();
        List<String> incoherences = new ArrayList<>();
        Matcher script = SCRIPT.matcher(html);
        while (script.find()) {
            String attributs = script.group(1);
            if (attributs.contains("src=") && script.group(2).isBlank()) {
                continue; // the site's static scripts and ECharts: code, no data
            }
            if (attributs.contains("type=\"application/json\"") && attributs.contains("id=\"donnees-rapport\"")) {
                lectures.add(document(Client.lire(script.group(2)), requete, HTML_GRAPHIQUE, url));
            } else {
                incoherences.add(url + ": an inline <script" + attributs + "> the reader does not know: say how to read"
                        + " its figures");
            }
        }
        if (!incoherences.isEmpty()) {
            lectures.add(new Lecture(HTML_GRAPHIQUE, url, List.of(), incoherences));
        }
        return lectures;
    }

    /**
     * Every data-* attribute: the known figure-free ones must hold no digit; any other one is read
     * as figures, each number in it taken as a count (a strict reading: better a false alarm than a
     * leak through an attribute nobody looked at).
     */
    private static Lecture attributsData(String html, String url) {
        List<String> incoherences = new ArrayList<>();
        List<CelluleLue> cellules = new ArrayList<>();
        Matcher attribut = ATTRIBUT_DATA.matcher(html);
        while (attribut.find()) {
            String nom = attribut.group(1);
            String valeur = texte(attribut.group(2) != null ? attribut.group(2)
                    : attribut.group(3) != null ? attribut.group(3) : attribut.group(4) != null ? attribut.group(4) : "");
            if (ATTRIBUTS_SANS_EFFECTIF.containsKey(nom)) {
                if (valeur.chars().anyMatch(Character::isDigit)) {
                    incoherences.add(url + ": data-" + nom + "=\"" + valeur + "\" is listed as figure-free ("
                            + ATTRIBUTS_SANS_EFFECTIF.get(nom) + ") but holds digits");
                }
                continue;
            }
            Matcher nombre = NOMBRE.matcher(valeur);
            while (nombre.find()) {
                cellules.add(new CelluleLue("data-" + nom, "data-" + nom + "=\"" + valeur + "\"", nombre.group(),
                        new BigDecimal(nombre.group().replace(',', '.')), false));
            }
        }
        return new Lecture(HTML_ATTRIBUTS, url, cellules, incoherences);
    }

    // ---------------------------------------------------------------- shared

    /** A count cell as text (CSV or page): "s" masked, empty for a figure that does not exist, else a French number. */
    private static void lireTexte(List<CelluleLue> cellules, List<String> incoherences, String url, String ligne,
                                  Colonne colonne, String texte, boolean masque) {
        if (masque) {
            if (!"s".equals(texte)) {
                incoherences.add(url + " line « " + ligne + " » column " + colonne + ": masked cell shows « " + texte + " »");
            }
            cellules.add(new CelluleLue(ligne, colonne.toString(), texte, null, true));
            return;
        }
        if (texte.isEmpty()) {
            cellules.add(new CelluleLue(ligne, colonne.toString(), texte, null, false));
            return;
        }
        try {
            BigDecimal valeur = new BigDecimal(texte.replaceAll("[\\s\u00a0\u202f]", "").replace(',', '.'));
            cellules.add(new CelluleLue(ligne, colonne.toString(), texte, valeur, false));
        } catch (NumberFormatException e) {
            incoherences.add(url + " line « " + ligne + " » column " + colonne + ": unreadable count « " + texte + " »");
        }
    }

    private static int indexLibelle(List<Colonne> colonnes) {
        for (int i = 0; i < colonnes.size(); i++) {
            if ("LIBELLE".equals(colonnes.get(i).type())) {
                return i;
            }
        }
        return 0;
    }

    /** The text of an HTML fragment: tags dropped, entities decoded, trimmed. */
    static String texte(String html) {
        String sansBalises = BALISE.matcher(html).replaceAll("");
        Matcher entite = ENTITE.matcher(sansBalises);
        StringBuilder sortie = new StringBuilder();
        while (entite.find()) {
            String e = entite.group(1);
            String c;
            if (e.startsWith("#x") || e.startsWith("#X")) {
                c = new String(Character.toChars(Integer.parseInt(e.substring(2), 16)));
            } else if (e.startsWith("#")) {
                c = new String(Character.toChars(Integer.parseInt(e.substring(1))));
            } else {
                c = switch (e) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> "\u00a0";
                    default -> entite.group();
                };
            }
            entite.appendReplacement(sortie, Matcher.quoteReplacement(c));
        }
        entite.appendTail(sortie);
        return sortie.toString().strip();
    }

    private static String statut(HttpResponse<String> reponse) {
        String corps = reponse.body();
        return reponse.request().uri().getRawPath() + "?" + reponse.request().uri().getRawQuery() + ": HTTP "
                + reponse.statusCode() + " " + (corps.length() > 200 ? corps.substring(0, 200) + "…" : corps);
    }
}
