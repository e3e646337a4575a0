-- TAB03-17 Demandes en cours (active on 31 December, hors associations) by canal de dépôt (GUICHET
-- / PGP); located by the first-choice commune; split mutation / hors mutation.
SELECT commune_premier_choix AS code_commune,
       canal AS categorie,
       colonne_mutation(logement_actuel) AS colonne,
       count(*) AS n
FROM demandes_actives_le(fin_annee())
WHERE NOT personne_morale
GROUP BY ALL
