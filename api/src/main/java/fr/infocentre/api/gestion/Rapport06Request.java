package fr.infocentre.api.gestion;

import fr.infocentre.api.accounts.Account;
import fr.infocentre.api.request.RequestError;
import fr.infocentre.warehouse.GuichetActivity;
import fr.infocentre.warehouse.Indicator;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Period;
import fr.infocentre.warehouse.Scope;
import fr.infocentre.warehouse.Territoire;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a request of rapport 06 asks, read from its parameters: the scope (exactly one of {@code departement},
 * {@code region}, {@code guichet}: the guard has already checked each against the account's scope), the period
 * ({@code periode}), the indicator ({@code indicateur}); and what the pages offer to choose from, always within the
 * account's scope and the data's coverage.
 */
final class Rapport06Request {

    static final String DEPARTEMENT = "departement";
    static final String REGION = "region";
    static final String GUICHET = "guichet";
    static final String PERIODE = "periode";
    static final String INDICATEUR = "indicateur";

    private Rapport06Request() {
    }

    /** The scope the request names, if it names one; 400 when it names more than one. */
    static Optional<Scope> scope(Context ctx) {
        List<Scope> given = new ArrayList<>();
        for (String kind : List.of(DEPARTEMENT, REGION, GUICHET)) {
            for (String code : ctx.queryParams(kind)) {
                given.add(Scope.parse(kind, code));
            }
        }
        if (given.size() > 1) {
            throw new RequestError(400, DEPARTEMENT, "Un seul périmètre à la fois : un département, une région ou un"
                    + " guichet.");
        }
        return given.stream().findFirst();
    }

    /** The scope the request names (400 when it names none: the API asks for it explicitly). */
    static Scope requiredScope(Context ctx) {
        return scope(ctx).orElseThrow(() -> new RequestError(400, DEPARTEMENT, "Paramètre requis : un périmètre,"
                + " departement, region ou guichet."));
    }

    /** The period asked ({@code periode}), if any (400 when malformed). */
    static Optional<Period> period(Context ctx) {
        String asked = ctx.queryParam(PERIODE);
        return asked == null ? Optional.empty() : Optional.of(Period.parse(asked));
    }

    static Period requiredPeriod(Context ctx) {
        return period(ctx).orElseThrow(() -> new RequestError(400, PERIODE, "Paramètre requis : periode (un mois"
                + " 2025-03, un trimestre 2025-T1, une année 2025 ou 12-derniers-mois)."));
    }

    /** The indicator asked ({@code indicateur}), one of the rapport's columns (400 otherwise). */
    static Indicator indicator(Context ctx, GuichetActivity activity) {
        String asked = ctx.queryParam(INDICATEUR);
        if (asked == null || asked.isBlank()) {
            throw new RequestError(400, INDICATEUR, "Paramètre requis : indicateur.");
        }
        return activity.indicators().stream().filter(i -> i.key().equals(asked.strip())).findFirst()
                .orElseThrow(() -> new RequestError(400, INDICATEUR, "Indicateur inconnu : « " + shown(asked) + " »"
                        + " (indicateurs : " + activity.indicators().stream().map(Indicator::key)
                        .collect(Collectors.joining(", ")) + ")."));
    }

    /** An integer parameter within bounds, or its default when absent. */
    static int bounded(Context ctx, String name, int min, int max, int absent) {
        String asked = ctx.queryParam(name);
        if (asked == null) {
            return absent;
        }
        if (!asked.matches("\\d{1,7}") || Integer.parseInt(asked) < min || Integer.parseInt(asked) > max) {
            throw new RequestError(400, name, "Paramètre " + name + " invalide : un entier de " + min + " à " + max + ".");
        }
        return Integer.parseInt(asked);
    }

    // ---- what the account may choose from ----

    /** The départements of the data the account covers, by code. */
    static List<Territoire> departements(Account account, GuichetActivity activity) {
        return activity.territoires(Level.DEPARTEMENT).stream()
                .filter(t -> account.scope().coversDepartement(t.code())).toList();
    }

    /** The régions of the data the account covers as régions (État and France-wide accounts only). */
    static List<Territoire> regions(Account account, GuichetActivity activity) {
        return activity.territoires(Level.REGION).stream().filter(t -> account.scope().coversRegion(t.code())).toList();
    }

    /** The scope shown when none is asked: the account's first département in the data, or its first région. */
    static Optional<Scope> defaultScope(Account account, GuichetActivity activity) {
        return departements(account, activity).stream().findFirst().map(t -> Scope.departement(t.code()))
                .or(() -> regions(account, activity).stream().findFirst().map(t -> Scope.region(t.code())));
    }

    /**
     * The period shown when none is asked: the last month over at the data's date (the month in progress when the
     * history starts this month); for the diffusable version, the last calendar year over.
     */
    static Optional<Period> defaultPeriod(GuichetActivity activity, boolean diffusable) {
        List<Period> offered = periods(activity, diffusable);
        if (diffusable) {
            return offered.stream().filter(p -> p.kind() == Period.Kind.ANNEE).findFirst();
        }
        Period lastMonth = Period.month(YearMonth.from(activity.dataDate()).minusMonths(1));
        return offered.contains(lastMonth) ? Optional.of(lastMonth)
                : offered.stream().filter(p -> p.kind() == Period.Kind.MOIS).findFirst();
    }

    /**
     * Every period the rapport offers over the data, newest first within each kind: the last 12 months, the years,
     * quarters and months from the start of the kept history to the data's date; for the diffusable version, the
     * kinds it is offered for, over periods ended at the data's date.
     */
    static List<Period> periods(GuichetActivity activity, boolean diffusable) {
        LocalDate dataDate = activity.dataDate();
        LocalDate from = activity.coveredFrom();
        List<Period.Kind> kinds = diffusable ? activity.diffusablePeriods() : activity.periods();
        List<Period> periods = new ArrayList<>();
        for (Period.Kind kind : List.of(Period.Kind.DOUZE_DERNIERS_MOIS, Period.Kind.ANNEE, Period.Kind.TRIMESTRE,
                Period.Kind.MOIS)) {
            if (!kinds.contains(kind)) {
                continue;
            }
            List<Period> ofKind = new ArrayList<>();
            switch (kind) {
                case DOUZE_DERNIERS_MOIS -> ofKind.add(Period.last12Months());
                case ANNEE -> {
                    for (int y = dataDate.getYear(); y >= from.getYear(); y--) {
                        ofKind.add(Period.year(y));
                    }
                }
                case TRIMESTRE -> {
                    for (int y = dataDate.getYear(); y >= from.getYear(); y--) {
                        for (int q = 4; q >= 1; q--) {
                            ofKind.add(Period.quarter(y, q));
                        }
                    }
                }
                case MOIS -> {
                    for (YearMonth m = YearMonth.from(dataDate); !m.isBefore(YearMonth.from(from)); m = m.minusMonths(1)) {
                        ofKind.add(Period.month(m));
                    }
                }
                default -> throw new IllegalStateException(kind.toString());
            }
            for (Period p : ofKind) {
                LocalDate start = p.start(dataDate);
                if (!start.isAfter(dataDate) && !start.isBefore(from) && (!diffusable || p.complete(dataDate))) {
                    periods.add(p);
                }
            }
        }
        return periods;
    }

    // ---- links ----

    /** A query string from names and values, in order, each encoded; null values left out. */
    static String query(String... nameValue) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            if (nameValue[i + 1] != null) {
                fields.put(nameValue[i], nameValue[i + 1]);
            }
        }
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    /** The parameters naming a scope and a period. */
    static String scopeAndPeriod(Scope scope, Period period) {
        return query(scope.kind().key(), scope.code(), PERIODE, period.key());
    }

    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
