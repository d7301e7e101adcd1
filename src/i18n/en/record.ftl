# record

## Built-in templates (template/localized.rs)
section-subjective-label = Subjective
section-objective-label = Objective
section-assessment-label = Assessment
section-plan-label = Plan
section-data-label = Data
section-behavior-label = Behavior
section-intervention-label = Intervention
section-response-label = Response
section-goal-label = Goal
section-problem-label = Problem
section-evaluation-label = Evaluation
section-addendum-label = Addendum
section-plan-prompt = Next steps: actions, referrals, who does what by when, and the next contact.
template-soap-subjective-prompt = What the client and others reported: concerns, feelings, their account, in their own words where you can.
template-soap-objective-prompt = What you observed and can verify: appearance, behaviour, facts, measures. No interpretation.
template-soap-assessment-prompt = Your professional analysis of the subjective and objective information: progress, risks, needs.
template-dap-data-prompt = What was said and observed in the session: the client's words, your observations, facts.
template-dap-assessment-prompt = Your professional interpretation of the data: progress, risks, needs.
template-birp-behavior-prompt = What you observed and what the client reported: behaviour, mood, statements.
template-birp-intervention-prompt = What you did: the methods and techniques used, and why.
template-birp-response-prompt = How the client responded to the interventions, in their words where you can.
template-girp-goal-prompt = The goal this contact worked on, in the client's terms.
template-girp-intervention-prompt = What you did toward the goal, and why.
template-girp-response-prompt = How the client responded, and any progress toward the goal.
template-pie-problem-prompt = The problem or need addressed in this contact, as observed and reported.
template-pie-intervention-prompt = What you did about the problem, and why.
template-pie-evaluation-prompt = How the client responded and whether the problem changed; what comes next.
template-addendum-name = Addendum
template-addendum-prompt = What you are adding or correcting, with the facts. The original note stays as it was.

## The printed record (record_html.rs) and the plain text (render.rs)
record-title = { $format } note
record-title-listed = { $format } note: { $client }
record-draft-mark = DRAFT: not signed
record-client = Client
# Beside the client's name: "Jo Lee (ID C-1)".
record-client-id = ID { $id }
record-service-date = Date of service
record-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
record-format = Format
record-written-by = Written by
record-contact = Contact
record-location = Location
record-participants = Participants
# Followed by the original note's id, then record-addendum-reason.
record-addendum-to = Addendum ({ $kind }) to note
record-addendum-reason = . Reason: { $reason }
record-late-entry = Late entry: documented { $hours } hours after the service. Reason: { $reason }
record-text-addendum = ADDENDUM ({ $kind }) to note { $to }. Reason: { $reason }
record-text-late-entry = LATE ENTRY: documented { $hours } hours after the service. Reason: { $reason }
record-goals = Goals addressed
record-challenges = Challenges and barriers
record-interventions = Interventions
record-why = Why: { $why }
record-deviates = Departs from standard procedure (reason above).
record-client-response = Client's response: { $response }
record-follow-ups = Follow-ups
record-previous-follow-ups = Follow-ups from the previous note
record-signature = Signature
# Followed by the time of signing and a full stop.
record-signed-by = Signed by { $name } at
record-text-signed-by = Signed by { $name } ({ $id }) at { $at }.
record-content-hash = Content SHA-256: { $hash }
record-not-signed = Not signed. This is a draft, not the record.
# The FHIR form's attachment that carries the casenote JSON.
fhir-json-title = casenote JSON v1
record-review-awaiting = Awaiting a supervisor's review
record-review-revised = Revision of note { $to }, which was returned: awaiting a supervisor's review
record-review = Supervisory review
record-review-returned = Returned for revision
record-review-cosigned = Co-signed by a supervisor
record-review-cosigned-by = Co-signed by { $who } at
record-review-returned-by = Returned for revision by { $who } at
record-review-about-note = The whole note
record-review-about-quote = Quote { $n } in { $section }
record-review-about-intervention = Intervention { $n }
record-review-hash = Review SHA-256: { $hash }
