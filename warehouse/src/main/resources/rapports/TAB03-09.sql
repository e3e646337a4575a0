-- TAB03-09 Demandes en cours (active on 31 December, hors associations) by resources against the
-- income ceilings: revenu_fiscal_reference vs the PLAI / PLUS / PLS ceilings of year N for the
-- household's category (plafond_persons) and the zone of the first-choice commune;
-- split mutation / hors mutation. Macros: macros.sql, section "Income ceilings".
SELECT d.commune_premier_choix AS code_commune,
       categorie_plafonds(d.revenu_fiscal_reference, CAST(getvariable('annee') AS INTEGER), z.zone,
                        plafond_persons(d.taille_menage, d.nb_enfants, d.co_demandeur, d.situation_familiale,
                                          d.handicap, getvariable('annee') - d.annee_naissance)) AS categorie,
       mutation_column(d.logement_actuel) AS colonne,
       count(*) AS n
FROM demandes_active_on(year_end()) d
LEFT JOIN zones_plafonds z ON z.code_commune = d.commune_premier_choix
WHERE NOT d.personne_morale
GROUP BY ALL
