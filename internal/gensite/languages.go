package gensite

import "slices"

// multilingual is the prose of the languages shape: a council whose teams
// write in their own languages, German, French, Spanish, Polish,
// Vietnamese, Greek and Japanese beside English, with the bare links and
// addresses people paste into notes. Words with accents and scripts other
// than Latin cost the search index and the Markdown renderer more than
// plain English does.
var multilingual = prose{
	sentences: slices.Concat(sentences[:10], []string{
		// German
		"Wenn das {system} ausfällt, merkt es zuerst ein Kunde.",
		"{person} hat die Störung vom letzten Monat noch einmal durchgesehen.",
		"Über {pct}% der Warnungen vom {system} werden ohne Änderung geschlossen.",
		"Die Wiederherstellung dauerte beim letzten Mal {n} Stunden.",
		"Das Team {team} prüft größere Änderungen erst nach der Übergabe.",
		"Die Übersicht liegt unter https://grafana.example.de/d/uebersicht?orgId=1 und wird täglich geprüft.",
		// French
		"L'équipe {team} a connu {n} incidents liés cette année.",
		"Personne ne sait qui remarquerait la panne en premier.",
		"Le déploiement du {system} échoue environ une fois sur {n}.",
		"{person} propose de mesurer avant de modifier quoi que ce soit.",
		"Les questions vont à astreinte@example.fr, qui répond sous une heure.",
		// Spanish
		"Cuando el {system} falla, nadie recibe una alerta.",
		"La última recuperación llevó {n} horas y mucha paciencia.",
		"{person} cree que una semana de trabajo cerraría la brecha más grande.",
		"Más del {pct}% del tráfico pasa por el {system}.",
		"El registro de incidentes está en www.example.es/incidentes para quien lo necesite.",
		// Polish
		"Zespół {team} zgłosił {n} awarii w ostatnim kwartale.",
		"Nikt nie wie, jak blisko limitów działa {system} w ruchliwy dzień.",
		"{person} prowadzi arkusz z listą błędów, to nasz najlepszy zapis.",
		// Vietnamese
		"Nhóm {team} đã gặp {n} sự cố liên quan trong năm qua.",
		"Chưa ai ghi lại thế nào là bình thường cho {system}.",
		// Greek
		"Η ομάδα {team} είναι σε επιφυλακή όλο το εικοσιτετράωρο.",
		"Η τελευταία ανάκτηση του {system} κράτησε {n} ώρες.",
		// Japanese
		"{system}の障害は、たいてい顧客からの問い合わせで見つかる。",
		"{team}チームは先月{n}回の障害に対応した。",
		"監視の改善には、まず正常な状態を決める必要がある。",
		"詳しくは https://wiki.example.jp/障害対応 を参照してほしい。",
	}),
	meetingSentences: slices.Concat(meetingSentences[:6], []string{
		"Wir haben mit den offenen Punkten der letzten Sitzung begonnen.",
		"{person} a présenté les chiffres recueillis depuis la dernière réunion.",
		"La discusión volvió una y otra vez a quién es el responsable.",
		"Czas się skończył, więc ostatnie punkty przechodzą na następne spotkanie.",
		"次回までに新しい懸念を二件まとめることになった。",
		"Protokoll und Folien: https://docs.example.de/rat/protokolle/{n}",
	}),
	bullets: slices.Concat(bullets[:6], []string{
		"Einen Zuständigen für das {system} benennen",
		"Définir un objectif de délai de détection",
		"Documentar los pasos manuales antes de automatizarlos",
		"Sprawdzić, czy dostawca udostępnia metryki",
		"Ghi lại số liệu hiện tại làm mốc so sánh",
		"復旧訓練を行い、時間を計る",
	}),
	headings: slices.Concat(headings[:5], []string{
		"Was wir heute sehen", "Pourquoi c'est important", "Preguntas abiertas", "Tło", "背景",
	}),
	tableHeadings: slices.Concat(tableHeadings, []string{"Zahlen bisher", "最近の数字"}),
	taskHeadings:  slices.Concat(taskHeadings, []string{"Nächste Schritte", "Prochaines étapes"}),
}
