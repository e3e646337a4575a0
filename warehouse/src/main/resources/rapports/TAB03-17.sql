-- TAB03-17 Demandes en cours (active on 31 December, hors associations) by canal de dépôt (GUICHET
-- / PGP); located by the first-choice commune; split mutation / hors mutation.
SELECT commune_premier_choix AS code_commune,
       categorie_canal(canal) AS categorie,
       mutation_column(logement_actuel) AS colonne,
       count(*) AS n
FROM demandes_active_on(year_end())
WHERE NOT personne_morale
GROUP BY ALL
