# form

## Anotación tardía (views/late_entry.rs)
late-entry-title = Anotación tardía.
late-entry-explained = Esta nota se escribe { $hours } horas después de que terminó el servicio (las notas deben hacerse en un plazo de { $due } horas). Se marcará como anotación tardía.
late-entry-reason = Motivo de la anotación tardía
