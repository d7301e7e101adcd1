# form

## Late entry (views/late_entry.rs)
late-entry-title = Late entry.
late-entry-explained = This note is written { $hours } hours after the service ended (notes are due within { $due } hours). It will be labelled as a late entry.
late-entry-reason = Reason for the late entry
