package fr.infocentre.etl.generator;

import fr.infocentre.etl.generator.Codes.LogementActuel;
import fr.infocentre.etl.generator.Codes.Motif;
import fr.infocentre.etl.generator.Codes.SituationFamiliale;
import fr.infocentre.etl.generator.Codes.SituationProfessionnelle;
import fr.infocentre.etl.generator.Codes.Typologie;
import fr.infocentre.etl.generator.Household.Composition;

import fr.infocentre.etl.reference.Plafonds;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws an applicant household with correlated attributes: composition first, then age,
 * children, family and professional situation, income (and the revenu fiscal de référence,
 * tuned against the plafonds (income ceilings) so that about three quarters are under PLAI), current
 * housing and a coherent motif, dwelling size, handicap and priority. How a household changes
 * later in its demande's life: {@link SituationChanges}.
 */
final class HouseholdSampler {

    private static final Composition[] COMPOSITIONS = Composition.values();
    private static final double[] COMPOSITION_WEIGHTS = {44, 10, 17, 24, 5};

    private static final SituationProfessionnelle[] PROS = SituationProfessionnelle.values();
    // CDI, FONCTIONNAIRE, CDD, INTERIM, APPRENTI, INDEPENDANT, CHOMAGE, RETRAITE, ETUDIANT, SANS_EMPLOI, AUTRE
    private static final double[] PRO_YOUNG = {18, 1, 20, 8, 5, 1, 14, 0, 15, 13, 5};
    private static final double[] PRO_ADULT = {30, 5, 11, 4, 0.5, 3.5, 16, 1, 1, 22, 6};
    private static final double[] PRO_SENIOR = {4, 1, 1, 0.5, 0, 1, 4, 85, 0, 3, 0.5};
    /** Median monthly earnings of the applicant by professional situation (2019 euros). */
    private static final double[] PRO_INCOME = {1650, 1900, 1300, 1200, 800, 1200, 950, 1150, 550, 600, 900};
    /** Share of that income that is taxable (benefits such as RSA are not). */
    private static final double[] PRO_TAXABLE = {0.9, 0.9, 0.9, 0.9, 0.9, 0.8, 0.75, 0.85, 0.3, 0.1, 0.5};

    private static final LogementActuel[] LOGEMENTS = LogementActuel.values();
    // LOCATAIRE_HLM, LOCATAIRE_PRIVE, PROPRIETAIRE, CHEZ_PARENTS, CHEZ_PARTICULIER, STRUCTURE_HEBERGEMENT,
    // CDEF_CENTRE_MATERNEL, HOTEL, FOYER_RESIDENCE_SOCIALE, RESIDENCE_ETUDIANT, LOGEMENT_FONCTION,
    // HABITAT_MOBILE, OCCUPANT_SANS_TITRE, SANS_ABRI, AUTRE
    private static final double[] LOGEMENT_WEIGHTS = {33, 24, 2.5, 11, 9, 4, 0.3, 1, 3, 0.8, 0.4, 0.5, 0.7, 1.2, 2.5};

    private static final Map<LogementActuel, double[]> MOTIFS = motifs();
    private static final Motif[] MOTIF_CODES = Motif.values();

    /** Income growth per year relative to 2019. */
    static final double INCOME_GROWTH = 0.018;

    private final Plafonds.Lookup plafonds;

    HouseholdSampler(Plafonds.Lookup plafonds) {
        this.plafonds = plafonds;
    }

    private static Map<LogementActuel, double[]> motifs() {
        Map<LogementActuel, double[]> m = new EnumMap<>(LogementActuel.class);
        // SANS_LOGEMENT, HEBERGE, LOGEMENT_TROP_CHER, TROP_PETIT, TROP_GRAND, DIVORCE_SEPARATION, DECOHABITATION,
        // HANDICAP, SANTE, RAPPROCHEMENT_TRAVAIL, RAPPROCHEMENT_FAMILLE, VIOLENCES, NON_DECENT, INSALUBRE, EXPULSION,
        // RENOUVELLEMENT_URBAIN, VENTE_OU_REPRISE, ENVIRONNEMENT, MUTATION_PROFESSIONNELLE, AUTRE
        m.put(LogementActuel.LOCATAIRE_HLM, new double[]{0, 0, 14, 28, 5, 5, 0, 6, 9, 5, 6, 2, 2, 1, 0, 3, 0, 10, 2, 4});
        m.put(LogementActuel.LOCATAIRE_PRIVE, new double[]{0, 0, 30, 20, 1, 6, 0, 3, 4, 4, 4, 1, 6, 3, 4, 0, 5, 4, 2, 3});
        m.put(LogementActuel.PROPRIETAIRE, new double[]{0, 0, 20, 0, 8, 25, 0, 12, 12, 0, 6, 0, 0, 3, 0, 0, 8, 0, 0, 6});
        m.put(LogementActuel.CHEZ_PARENTS, new double[]{0, 20, 0, 0, 0, 0, 70, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5});
        m.put(LogementActuel.CHEZ_PARTICULIER, new double[]{15, 65, 0, 0, 0, 8, 5, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 3});
        double[] hebergement = {45, 40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 8};
        m.put(LogementActuel.STRUCTURE_HEBERGEMENT, hebergement);
        m.put(LogementActuel.HOTEL, hebergement);
        m.put(LogementActuel.FOYER_RESIDENCE_SOCIALE, hebergement);
        m.put(LogementActuel.CDEF_CENTRE_MATERNEL, new double[]{35, 35, 0, 0, 0, 0, 0, 0, 0, 0, 0, 25, 0, 0, 0, 0, 0, 0, 0, 5});
        m.put(LogementActuel.RESIDENCE_ETUDIANT, new double[]{0, 0, 0, 20, 0, 0, 30, 0, 0, 30, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20});
        m.put(LogementActuel.LOGEMENT_FONCTION, new double[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0, 30, 0, 30, 20});
        m.put(LogementActuel.HABITAT_MOBILE, new double[]{40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 40, 0, 0, 0, 0, 0, 0, 20});
        m.put(LogementActuel.OCCUPANT_SANS_TITRE, new double[]{40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 50, 0, 0, 0, 0, 10});
        m.put(LogementActuel.SANS_ABRI, new double[]{100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        m.put(LogementActuel.AUTRE, new double[]{15, 15, 0, 0, 0, 0, 0, 0, 10, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 50});
        return m;
    }

    /**
     * A new household filing in {@code year}, in a plafond zone. {@code missing} is the
     * probability that each optional field is left empty.
     */
    Household sample(SplittableRandom rng, int year, Plafonds.Zone zone, double missing) {
        Household h = new Household();
        Composition c = Draw.pick(rng, COMPOSITIONS, COMPOSITION_WEIGHTS);
        h.composition = c;
        int age = age(rng, c);
        int adults = switch (c) {
            case COUPLE_SANS_ENFANT, COUPLE_AVEC_ENFANTS -> 2;
            case AUTRE -> Draw.chance(rng, 0.8) ? 2 : 3;
            default -> 1;
        };
        int children = switch (c) {
            case FAMILLE_MONOPARENTALE -> 1 + Draw.index(rng, new double[]{52, 30, 12, 4, 2});
            case COUPLE_AVEC_ENFANTS -> 1 + Draw.index(rng, new double[]{35, 35, 18, 8, 3, 1});
            case AUTRE -> Draw.chance(rng, 0.35) ? 1 : 0;
            default -> 0;
        };
        h.anneeNaissance = year - age;
        h.sexe = sexe(rng, c);
        boolean idf = zone != Plafonds.Zone.AUTRES_REGIONS;
        double u = rng.nextDouble();
        h.nationalite = u < (idf ? 0.66 : 0.81) ? Codes.Nationalite.FR
                : u < (idf ? 0.72 : 0.86) ? Codes.Nationalite.UE : Codes.Nationalite.HORS_UE;
        h.situationFamiliale = situationFamiliale(rng, c, age);
        h.coDemandeur = adults >= 2 && c != Composition.AUTRE ? Draw.chance(rng, 0.75) : Draw.chance(rng, 0.02);
        h.tailleMenage = adults + children;
        h.nbEnfants = children;
        h.situationProfessionnelle = profession(rng, age);
        h.logementActuel = logement(rng, c, age);
        h.motif = motif(rng, h.logementActuel, h.situationFamiliale);
        h.typologie = typologie(rng, h.tailleMenage);
        h.handicap = h.motif == Motif.HANDICAP || Draw.chance(rng, age >= 60 ? 0.14 : 0.06);
        boolean precarious = h.motif == Motif.SANS_LOGEMENT || h.motif == Motif.VIOLENCES
                || h.motif == Motif.INSALUBRE || h.motif == Motif.EXPULSION;
        h.dalo = Draw.chance(rng, precarious ? 0.12 : 0.02);
        h.prioritaire = h.dalo || Draw.chance(rng, precarious || h.handicap ? 0.35 : 0.08);
        income(rng, h, year, zone, adults);
        blank(rng, h, missing);
        return h;
    }

    private static int age(SplittableRandom rng, Composition c) {
        return switch (c) {
            case PERSONNE_SEULE -> {
                double u = rng.nextDouble();
                yield u < 0.30 ? Draw.between(rng, 18, 29) : u < 0.65 ? Draw.between(rng, 30, 49)
                        : u < 0.87 ? Draw.between(rng, 50, 64) : Draw.between(rng, 65, 92);
            }
            case COUPLE_SANS_ENFANT -> {
                double u = rng.nextDouble();
                yield u < 0.45 ? Draw.between(rng, 19, 35) : u < 0.7 ? Draw.between(rng, 36, 59) : Draw.between(rng, 60, 88);
            }
            case COUPLE_AVEC_ENFANTS, FAMILLE_MONOPARENTALE ->
                    (int) Math.max(18, Math.min(66, Math.round(37 + 8.5 * Draw.gaussian(rng))));
            case AUTRE -> Draw.between(rng, 18, 80);
        };
    }

    private static Codes.Sexe sexe(SplittableRandom rng, Composition c) {
        double female = switch (c) {
            case FAMILLE_MONOPARENTALE -> 0.86;
            case PERSONNE_SEULE -> 0.48;
            case AUTRE -> 0.55;
            default -> 0.52;
        };
        return Draw.chance(rng, female) ? Codes.Sexe.F : Codes.Sexe.M;
    }

    private static SituationFamiliale situationFamiliale(SplittableRandom rng, Composition c, int age) {
        SituationFamiliale[] values = SituationFamiliale.values();
        // CELIBATAIRE, MARIE, PACSE, CONCUBIN, DIVORCE, SEPARE, VEUF
        double[] w = switch (c) {
            case COUPLE_SANS_ENFANT, COUPLE_AVEC_ENFANTS -> new double[]{0, 45, 18, 37, 0, 0, 0};
            case FAMILLE_MONOPARENTALE -> new double[]{45, 2, 0, 0, 22, 28, 3};
            case AUTRE -> new double[]{60, 5, 0, 0, 15, 10, 10};
            case PERSONNE_SEULE -> age < 30 ? new double[]{88, 1, 1, 0, 2, 8, 0}
                    : age >= 65 ? new double[]{20, 3, 0, 0, 30, 10, 37} : new double[]{48, 3, 1, 1, 25, 17, 5};
        };
        return Draw.pick(rng, values, w);
    }

    static SituationProfessionnelle profession(SplittableRandom rng, int age) {
        return Draw.pick(rng, PROS, age < 25 ? PRO_YOUNG : age >= 63 ? PRO_SENIOR : PRO_ADULT);
    }

    static LogementActuel logement(SplittableRandom rng, Composition c, int age) {
        double[] w = LOGEMENT_WEIGHTS.clone();
        if (age < 26) {
            w[LogementActuel.CHEZ_PARENTS.ordinal()] *= 3.5;
            w[LogementActuel.RESIDENCE_ETUDIANT.ordinal()] *= 4;
            w[LogementActuel.LOCATAIRE_HLM.ordinal()] *= 0.4;
        } else if (age > 40) {
            w[LogementActuel.CHEZ_PARENTS.ordinal()] *= 0.25;
            w[LogementActuel.RESIDENCE_ETUDIANT.ordinal()] = 0;
        }
        if (c != Composition.FAMILLE_MONOPARENTALE) {
            w[LogementActuel.CDEF_CENTRE_MATERNEL.ordinal()] = 0;
        } else {
            w[LogementActuel.CDEF_CENTRE_MATERNEL.ordinal()] *= 4;
        }
        return Draw.pick(rng, LOGEMENTS, w);
    }

    private static Motif motif(SplittableRandom rng, LogementActuel logement, SituationFamiliale situation) {
        boolean separated = situation == SituationFamiliale.DIVORCE || situation == SituationFamiliale.SEPARE;
        if (separated && logement != LogementActuel.SANS_ABRI && Draw.chance(rng, 0.2)) {
            return Motif.DIVORCE_SEPARATION;
        }
        return Draw.pick(rng, MOTIF_CODES, MOTIFS.get(logement));
    }

    private static Typologie typologie(SplittableRandom rng, int taille) {
        Typologie[] t = Typologie.values();
        double[] w = switch (taille) {
            case 1 -> new double[]{35, 55, 9, 1, 0, 0};
            case 2 -> new double[]{3, 60, 34, 3, 0, 0};
            case 3 -> new double[]{0, 14, 64, 21, 1, 0};
            case 4 -> new double[]{0, 1, 28, 60, 11, 0};
            case 5 -> new double[]{0, 0, 4, 40, 50, 6};
            default -> new double[]{0, 0, 0, 10, 45, 45};
        };
        return Draw.pick(rng, t, w);
    }

    private void income(SplittableRandom rng, Household h, int year, Plafonds.Zone zone, int adults) {
        double growth = Math.pow(1 + INCOME_GROWTH, year - 2019) * (zone == Plafonds.Zone.AUTRES_REGIONS ? 1 : 1.12);
        int pro = h.situationProfessionnelle.ordinal();
        double own = Draw.logNormal(rng, PRO_INCOME[pro], 0.38) * growth;
        double taxable = own * PRO_TAXABLE[pro];
        if (adults >= 2 && Draw.chance(rng, 0.55)) {
            double partner = Draw.logNormal(rng, 1150, 0.45) * growth;
            own += partner;
            taxable += partner * 0.85;
        }
        double benefits = 140.0 * h.nbEnfants * growth;
        boolean none = Draw.chance(rng, h.situationProfessionnelle == SituationProfessionnelle.SANS_EMPLOI ? 0.12 : 0.01);
        h.revenuMensuel = none ? 0 : (int) Math.round(own + benefits);
        // revenu fiscal de référence of year N-2: taxable income only, two years of growth behind
        h.revenuFiscalReference = none ? 0 : (int) Math.round(taxable * 12 * 0.9 * (0.8 + 0.3 * rng.nextDouble()));
    }

    /**
     * Household category of the plafonds' arrêté (1..6), more than 6 for large households: the number
     * of persons counted for the plafonds (p of docs/warehouse-format.md).
     */
    static int plafondCategory(Household h, int referenceYear) {
        int taille = h.tailleMenage == null ? 1 : h.tailleMenage;
        int dependants = h.nbEnfants == null ? 0 : h.nbEnfants;
        boolean handicap = Boolean.TRUE.equals(h.handicap);
        if (taille == 1) {
            return handicap ? 2 : 1;
        }
        if (taille == 2 && dependants == 0) {
            boolean young = h.anneeNaissance != null && 2 * (referenceYear - h.anneeNaissance) <= 55;
            return handicap ? 3 : young ? 3 : 2;
        }
        return Math.max(taille, 1 + dependants + 1) + (handicap ? 1 : 0);
    }

    /**
     * Where the household's RFR stands against the plafonds of the year and zone:
     * 0 under PLAI, 1 PLAI–PLUS, 2 PLUS–PLS, 3 above PLS; 0 when unknown. A year the table of
     * plafonds does not cover (the simulation starts in 2009) takes its nearest year.
     */
    int plafondPosition(Household h, int year, Plafonds.Zone zone) {
        if (h.revenuFiscalReference == null) {
            return 0;
        }
        int category = plafondCategory(h, year);
        int annee = Math.max(Plafonds.FIRST_YEAR, Math.min(Plafonds.LAST_YEAR, year));
        int rfr = h.revenuFiscalReference;
        if (rfr <= plafonds.plafond(annee, "PLAI", zone, category)) {
            return 0;
        }
        if (rfr <= plafonds.plafond(annee, "PLUS", zone, category)) {
            return 1;
        }
        return rfr <= plafonds.plafond(annee, "PLS", zone, category) ? 2 : 3;
    }

    private static void blank(SplittableRandom rng, Household h, double missing) {
        if (missing <= 0) {
            return;
        }
        if (Draw.chance(rng, missing)) h.anneeNaissance = null;
        if (Draw.chance(rng, missing)) h.sexe = null;
        if (Draw.chance(rng, missing)) h.nationalite = null;
        if (Draw.chance(rng, missing)) h.situationFamiliale = null;
        if (Draw.chance(rng, missing)) h.coDemandeur = null;
        if (Draw.chance(rng, missing)) h.nbEnfants = null;
        if (Draw.chance(rng, missing)) h.situationProfessionnelle = null;
        if (Draw.chance(rng, missing)) h.revenuMensuel = null;
        if (Draw.chance(rng, missing)) h.revenuFiscalReference = null;
        if (Draw.chance(rng, missing)) h.logementActuel = null;
        if (Draw.chance(rng, missing)) h.motif = null;
        if (Draw.chance(rng, missing)) h.typologie = null;
        if (Draw.chance(rng, missing)) h.handicap = null;
    }

    /** An independent copy (a duplicate demande of the same applicant). */
    static Household copyOf(Household h) {
        Household c = new Household();
        c.composition = h.composition;
        c.anneeNaissance = h.anneeNaissance;
        c.sexe = h.sexe;
        c.nationalite = h.nationalite;
        c.situationFamiliale = h.situationFamiliale;
        c.coDemandeur = h.coDemandeur;
        c.tailleMenage = h.tailleMenage;
        c.nbEnfants = h.nbEnfants;
        c.situationProfessionnelle = h.situationProfessionnelle;
        c.revenuMensuel = h.revenuMensuel;
        c.revenuFiscalReference = h.revenuFiscalReference;
        c.logementActuel = h.logementActuel;
        c.motif = h.motif;
        c.typologie = h.typologie;
        c.handicap = h.handicap;
        c.dalo = h.dalo;
        c.prioritaire = h.prioritaire;
        return c;
    }

    /** Clears the attributes an association (personne morale) does not fill. */
    static void asAssociation(Household h) {
        h.anneeNaissance = null;
        h.sexe = null;
        h.situationFamiliale = null;
        h.coDemandeur = null;
    }
}
