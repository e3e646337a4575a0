-- TAB04-04 Demandes satisfaites (lease signed in year getvariable('annee'), hors associations)
-- by size of the household (the demande's taille_menage), located by the dwelling's commune;
-- split mutation / hors mutation (the demande's logement_actuel).
SELECT a.commune_logement_cog AS code_commune,
       categorie_taille_menage(d.taille_menage) AS categorie,
       mutation_column(d.logement_actuel) AS colonne,
       count(*) AS n
FROM attributions a
JOIN versions_hors_associations() d  -- the demande as it stood at the lease date
  ON d.numero_unique = a.numero_unique
 AND version_valid_on(d.premiere_version, d.valide_du, d.valide_au, a.date_bail)
WHERE in_year(a.date_bail)
GROUP BY ALL
