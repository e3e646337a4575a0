-- TAB04-14 Demandes satisfaites (lease signed in year getvariable('annee'), hors associations)
-- by DALO / prioritaire status of the household, located by the dwelling's commune; split mutation /
-- hors mutation (the demande's logement_actuel).
--   DALO: the attribution says so (attributions.dalo = 1) or the demande does (demandes.dalo = 1);
--         not DALO when neither is 1 and at least one is 0; unknown when both are empty;
--   then, as dimensions/dalo-prioritaire.yaml: DALO, else the demande's prioritaire
--   (1 -> PRIORITAIRE_HORS_DALO, DALO unknown included; 0 -> NON_PRIORITAIRE when DALO is known not,
--   else NON_RENSEIGNE; empty -> NON_RENSEIGNE). DALO + PRIORITAIRE_HORS_DALO is TAB04-15's DALO objective.
SELECT a.commune_logement_cog AS code_commune,
       categorie_dalo_prioritaire(coalesce(a.dalo OR d.dalo, a.dalo, d.dalo), d.prioritaire) AS categorie,
       mutation_column(d.logement_actuel) AS colonne,
       count(*) AS n
FROM attributions a
JOIN versions_hors_associations() d  -- the demande as it stood at the lease date
  ON d.numero_unique = a.numero_unique
 AND version_valid_on(d.premiere_version, d.valide_du, d.valide_au, a.date_bail)
WHERE in_year(a.date_bail)
GROUP BY ALL
