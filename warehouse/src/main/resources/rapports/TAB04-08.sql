-- TAB04-08 Demandes satisfaites (lease signed in year getvariable('annee'), hors associations) by
-- resources against the income ceilings: revenu_fiscal_reference vs the PLAI / PLUS / PLS ceilings
-- of the lease year for the household's category (plafond_persons, age in the lease year) and the
-- zone of the dwelling's commune; located by the dwelling's commune; split mutation / hors mutation.
SELECT a.commune_logement_cog AS code_commune,
       categorie_plafonds(d.revenu_fiscal_reference, year(a.date_bail), z.zone,
                        plafond_persons(d.taille_menage, d.nb_enfants, d.co_demandeur, d.situation_familiale,
                                          d.handicap, year(a.date_bail) - d.annee_naissance)) AS categorie,
       mutation_column(d.logement_actuel) AS colonne,
       count(*) AS n
FROM attributions a
JOIN versions_hors_associations() d  -- the demande as it stood at the lease date
  ON d.numero_unique = a.numero_unique
 AND version_valid_on(d.premiere_version, d.valide_du, d.valide_au, a.date_bail)
LEFT JOIN zones_plafonds z ON z.code_commune = a.commune_logement_cog
WHERE in_year(a.date_bail)
GROUP BY ALL
