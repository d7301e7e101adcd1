//! The editor's views: Leptos components that draw the session's state
//! and call its actions. None of them holds note state of its own beyond
//! what is on screen (a panel's open row, a paste offer).

pub mod actions;
pub mod addendum;
pub mod aids;
pub mod aids_summary;
pub mod challenges;
pub mod confirmation;
pub mod conflict;
pub mod contact;
pub mod debounce;
pub mod dismiss;
pub mod drafts_panel;
pub mod error_summary;
pub mod field;
pub mod follow_ups;
pub mod goals;
pub mod interventions;
pub mod late_entry;
pub mod meta;
pub mod note_form;
pub mod outbox_panel;
pub mod paste_offer;
pub mod previous_note;
pub mod print;
pub mod quotes;
pub mod returned;
pub mod section;
pub mod sent_list;
pub mod signing;
pub mod skip_links;
pub mod status_bar;
pub mod stray;
