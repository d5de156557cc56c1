# coprod's own words in English (en-GB): every sentence of a report.
#
# Each message is one line. Arguments: counts ($n, $m, ...) are numbers and choose the plural
# form; scores, dates, names and lists are text put in as they are. Punctuation that joins
# pieces (", ", "; ", ": ", " · ") is coprod's in every language and stays in the code.
# Every message here must be in every other catalog too (a test checks).

## Dates and lists

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
long-date = { $day } { $month } { $year }
list-and = { $rest } and { $last }

## Counts

n-records = { $n ->
    [one] 1 record
   *[other] { $n } records
}
n-people = { $n ->
    [one] 1 person
   *[other] { $n } people
}
n-responses = { $n ->
    [one] 1 response
   *[other] { $n } responses
}
n-actions = { $n ->
    [one] 1 action
   *[other] { $n } actions
}
m-of-n = { $m } of { $n }

## Who scored

who-room = Whole room
who-one-person = One person
who-a-group = A group
group-parent-carers = Parent carers
group-local-authority = Local authority
group-health = Health
group-education = Education
group-young-people = Young people
group-voluntary-sector = Voluntary sector
overall = Overall

## Scores

score-words = { $score } out of { $max } ({ $percent } of the scale)
not-scored = not scored
no-score = { $label } no score
on-date = on { $date }

## Cover

cover-kind = Co-production self-evaluation
not-dated = Not dated
assessed-on = Assessed on { $dates }
framework-line = Framework: { $title }, version { $version }
who-took-part = Who took part
cover-intro-years = This report covers { $n } records from { $assessments } assessments. The scores describe the latest, on { $date }; the earlier ones show what changed.
cover-intro-combined = This report combines { $n } records, each scored by one group or by the whole room.
cover-intro-one = This report is based on one record.
cover-table-summary = Who scored each record, when, and how many indicators they answered.
col-scored-by = Scored by
col-date = Date
col-indicators-answered = Indicators answered

## Summary

summary = Summary
summary-framework = { $title } (version { $version })
no-indicators-scored = no indicators scored yet
completeness = Completeness
completeness-value = { $answered } of { $total } answered · { $na } not applicable · { $unanswered } unanswered ({ $percent } complete)
editions = Editions
editions-each = { $name } ({ $edition } edition)
editions-other-one = the other record the standard edition
editions-others = the others the standard edition
range = Range
range-value = the records' own results run from { $min } to { $max }, a spread of { $spread }
partnerships-combined = Partnerships combined
earlier-assessments = Earlier assessments
earlier-value = { $dates } (see “Over time”)
section-results = { $noun } results
strengths = Strengths
priorities = Priorities
none-yet = None yet: too few indicators scored.
and-more = … and { $n } more at { $score }

## Section results

col-score = Score
col-percent = % of scale
col-band = Band
col-lowest-record = Lowest record
col-highest-record = Highest record
col-bar = Bar
col-answered = Answered
section-results-summary = Each { $noun }'s score, its percentage of the scale, its band and how many indicators were answered.

## Charts

axis-caption = Score: { $lo } = { $lolabel }, { $hi } = { $hilabel }
axis-score = Score
chart-combined = combined { $score }
chart-bars-alt = Bar chart of { $noun } scores on a scale from { $lo } to { $hi }: { $described } The table { $results } above has the same numbers.
chart-gap = gap { $gap }
chart-span = { $section }: from { $low } ({ $lowname }) to { $high } ({ $highname }).
chart-span-none = { $section }: not scored.
chart-dots-groups-alt = Dot plot of each group's result per { $noun } on a scale from { $lo } to { $hi }, with the range from the lowest to the highest. { $spans } The table { $results } above and “{ $groups }” have every number.
chart-dots-records-alt = Dot plot of each record's result per { $noun } on a scale from { $lo } to { $hi }, with the range from the lowest to the highest. { $spans } The table { $results } above and “{ $groups }” have every number.

## Stakeholder groups

talk-flag = ⚑ talk about this
talk-about-this = Talk about this
groups-title = Views by stakeholder group
groups-intro = Each group's result on { $date }; the gap is the highest minus the lowest. A gap of { $threshold } levels or more is marked “talk about this”: the groups see it differently.
col-gap = Gap
groups-table-summary = Each stakeholder group's result per { $noun } and overall, and the gap between the highest and lowest.
no-talk = No indicator's group results differ by { $threshold } levels or more.
talk-intro = Group results differ by { $threshold } levels or more on these indicators, widest gap first:
col-id = ID
col-indicator = Indicator
gaps-summary = Indicators the stakeholder groups scored far apart: each group's result and the gap.

## Over time

over-time = Over time
trend-intro = The combined result at each assessment, earliest first. The change is the difference of the scores as shown; a change of less than { $step } of a level either way counts as about the same.
change-since = Change since { $date }
dir-improved = improved
dir-slipped = slipped
dir-same = about the same
trend-table-summary = The overall result and each { $noun }'s result at each assessment, and the change since the one before the latest.
trend-chart-alt = Small line charts, one for { $overall } and one per { $noun }, of the result at each assessment from { $first } to { $last }, on a scale from { $lo } to { $hi }. { $overall }: { $values }. Every number is in the table above.
trend-no-score = no score
trend-none = none
trend-improved = Improved since { $date }
trend-slipped = Slipped since { $date }
trend-same = About the same since { $date }

## Framework versions

framework-versions = Framework versions
version-records = version { $version } ({ $records })
versions-note = The records were made with different versions of the framework: { $versions }. They are compared indicator by indicator.
renamed = Renamed, with earlier answers counted under the new id: { $list }.
renaming = { $from } is now { $to }
retired = No longer in the framework, so left out of every score: { $list }.
new-ids = Not answered in the earlier versions' records (new, or not scored then): { $list }.

## Sections

score-line = Score: { $words }.
score-not-yet = Score: not scored yet.
answers-from-records = { $answered } of { $total } answers from { $records ->
    [one] 1 record
   *[other] { $records } records
}.
indicators-answered = { $answered } of { $total } indicators answered.
section-spread = The records' own scores run from { $min } to { $max }, a spread of { $spread }.
evidence = Evidence
col-level = Level
col-evidence = Evidence
not-applicable = Not applicable
not-answered = Not answered
single-table-summary = Indicators of { $section }: each statement, the level chosen and the evidence noted.
col-lowest = Lowest
col-highest = Highest
col-answers = Answers
combined-summary-groups = Indicators of { $section }: each statement's combined score, each group's result and the gap between them, and how many records gave a level.
combined-summary-range = Indicators of { $section }: each statement's combined score, the lowest and highest level given, and how many records gave a level.

## Actions

col-action = Action
col-owner = Owner
col-due = Due
col-status = Status
col-raised-by = Raised by
not-set = Not set
status-not-started = Not started
status-in-progress = In progress
status-done = Done
status-embedded = Embedded
status-dropped = Dropped
action-owner = owner: { $owner }
action-due = due { $date }
follow-up-title = You said, we did
follow-up-counts = Of the { $agreed } agreed on { $date }: { $done } done or embedded, { $open } still open, { $dropped } dropped and { $unmentioned } not mentioned this time.
not-mentioned = Not mentioned this time
overdue = Overdue
overdue-rule = An action is overdue when it was agreed at an earlier assessment, was due before { $date }, and is not done, embedded or dropped.
overdue-none = None is overdue.
overdue-some = { $n ->
    [one] One is
   *[other] { $n } are
} overdue:
action-plan = Action plan
no-actions = No actions were agreed on { $date }.
plan-intro = { $agreed } agreed on { $date }, { $open } still open, in framework order, with who raised each.
plan-table-summary = The action plan: each action, its owner, due date and status, and who raised it.
plan-short = { $agreed } agreed on { $date }, { $open } still open. Use --format markdown for evidence and the action plan.

## How the scores are worked out

method-title = How the scores are worked out
method-groups = With several records, each stakeholder group counts the same: a group's result for an indicator is the mean of its records' levels, and the combined result is the mean of the groups' results (so a group that sent more records does not outweigh the others).
method-records = With several records, each indicator's combined result is the mean of all the records' levels, so a group that sent more records weighs more (--weight-by records).
method-text = Each indicator scores the value of the level chosen. Not applicable and unanswered indicators are left out of every average. A { $noun }'s score is the mean of its answered indicators; the { $overall } score is the mean of the { $noun }s. { $combined } Scores are shown to one decimal place and percentages of the scale to the nearest whole number; a change over time is the difference of the scores as shown.
method-framework = Framework: { $title } (id { $id }, version { $version }, fingerprint { $fingerprint })
the-scale = The scale
scale-summary = The rating scale: each level's value, name and meaning.
col-name = Name
col-meaning = Meaning
the-bands = The bands
bands-summary = The bands that name a result: from (inclusive), to (exclusive, except the top band) and meaning.
col-from = From
col-to = To
bands-note = A band runs from its lower bound up to, but not including, its upper bound; the top band includes the highest score. Bands are decided on the exact score, before rounding.
the-records = The records
records-summary = The record files this report was made from, who scored each, its date and its own overall result.
col-file = File
col-own = Own { $overall }

## The PDF's page furniture

continued = continued
pdf-page = Page { $n } of { $total }
pdf-subject = Co-production self-evaluation against { $title } (version { $version }), { $dates }

## The walk (coprod assess): each indicator's screen and questions

walk-header = { $section }{ $sep }indicator { $n } of { $count }{ $sep }{ $index } of { $total } overall ({ $noun } { $snum } of { $scount })
walk-questions = Questions to talk about:
walk-levels = What each level looks like here:
walk-answered = Answered so far: { $chosen }
walk-with-evidence = with evidence notes
walk-na-item = n/a  Not applicable here
walk-vote = Vote first: type how many chose each level
walk-actions = Actions: change or delete one (new ones come after the level)
walk-details = Details: the partnership, the date, who is taking part
walk-skip = Skip for now
walk-back = Back to the previous indicator
walk-help = Help
walk-quit = Save and quit
choice-na = not applicable
choice-not-yet = not yet
choice-disagreed = the room agreed to disagree
walk-unanswered = { $n ->
    [one] 1 indicator is
   *[other] { $n } indicators are
} not answered yet: { $ids }. What next?
walk-go-through = Go through the ones not answered, skipping the rest
walk-finish = Finish for now (the resume command is shown)
walk-back-last = Back to the last indicator
walk-last-time = Last time ({ $date }{ $whose }): { $words }
walk-level-for = Level for { $id }
walk-level-for-group = Level for { $id }{ $sep }{ $group }
walk-notes-again = Notes typed last time and not yet saved are offered again.
walk-evidence-plain-new = Type the notes on one line and press Enter, or just Enter for none. Type /edit for several lines, esc to go back to the level.
walk-evidence-plain-kept = Press Enter to keep these notes. Type new notes to replace them, /clear to remove them, /edit for several lines, esc to go back to the level.
walk-evidence-new = Enter skips · /edit opens your editor · Esc goes back to the level
walk-evidence-kept = Enter keeps · /clear removes them · /edit opens your editor · Esc goes back to the level
walk-evidence = Evidence notes for { $id } (optional)
walk-evidence-editor = Evidence notes for { $id }
walk-no-editor = The editor could not be opened ({ $why }). Type the notes here instead.
walk-extra-plain-new = Type it on one line and press Enter, or just Enter for none. esc goes back to the level.
walk-extra-plain-kept = Press Enter to keep it. Type a new one to replace it, /clear to remove it, esc to go back to the level.
walk-extra-new = Enter skips · Esc goes back to the level
walk-extra-kept = Enter keeps · /clear removes it · Esc goes back to the level
walk-extra = { $question } ({ $id }, optional)
walk-action-draft = An action for { $id } was being typed last time: “{ $what }”. Finish it?
walk-add-action = Add an action for { $id }?
walk-has-actions = { $id } has { $actions }. Add another?
walk-add-another = Add another action for { $id }?
walk-cancel-plain = Type esc, or press Enter on an empty line, to cancel this action.
walk-cancel = Esc or an empty answer cancels this action
walk-what = What will be done?
walk-no-action = No action added.
walk-owner = Who owns it? (optional)
walk-due = Due date, YYYY-MM-DD (optional)
walk-due-again = { $error }. Try again, e.g. 2027-03-31, or leave it empty.
walk-due-before = Note: { $due } is before the date of this assessment ({ $date }). The action is saved with it; change it if that was a slip.
walk-action-saved = Action saved.
walk-help-text =
    How this works
      For each indicator, talk it through, then choose the level the room agrees on.
      Choose n/a if it does not apply to your partnership; it is left out of every average.
      Vote first (v) asks how many people chose each level, on cards or paper, before the
      room agrees; the counts are kept beside the level, with no names.
      Actions (a) changes or deletes one of the indicator's actions, or moves its status on.
      Details (i) corrects the partnership, the date and who is taking part.
      Skip leaves it for later: you will be asked about skipped indicators at the end.
      Back goes to the previous indicator; your answers there are kept and shown.
      Save and quit stops here; run the command shown to carry on another time.
      Everything is saved to the record file after every answer.
      Ctrl-C at any time also saves and stops.
walk-participants = Who is taking part? (optional: names separated by commas)
prompt-choose = Type a choice and press Enter:
prompt-yes-or-no = Please type y for yes or n for no.
walk-done = Done. Summary
walk-section-answered = { $m } of { $n } answered
walk-not-answered = Not answered yet: { $ids }
walk-saved-next =
    Saved to { $path }.
    Next: { $next }
      or: { $next } --format markdown -o report.md
walk-saved-complete =
    Saved to { $path }. Every indicator is answered.
    Next: { $next }
walk-saved-later =
    Saved to { $path }. To carry on later:
      { $resume }
walk-carry-on = To carry on: { $resume }
walk-intro =
    Saving to { $path } after every answer. { $answered } of { $total } indicators answered so far.
    Choose Help at any indicator for the keys; Ctrl-C saves and stops.

## The workshop screen (coprod assess without --plain): its labels, keys, help and messages.
## Key names (Enter, Esc, Tab, Ctrl-C, ← →) are written as they are printed on keys.

screen-section-of = { $section } · { $noun } { $k } of { $n }
screen-indicator-of = Indicator { $n } of { $total }
screen-end-of = End · { $n ->
    [one] 1 indicator
   *[other] { $n } indicators
}
screen-clocks-long = { $here } on this · { $all } in session
screen-clocks = { $here } · { $all } in session
screen-answered-short = { $m }/{ $n } answered
screen-rule-guidance = Questions and levels
screen-rule-answer = Answer
screen-more-both = ↑↓ more
screen-more-below = ↓ more
screen-more-above = ↑ more
screen-na = n/a
screen-na-long = n/a Not applicable
screen-evidence-none = none yet (e to write)
screen-extra-none = none yet (x to write)
screen-none-yet = none yet
screen-actions = Actions
screen-votes = Votes
screen-n-voted = { $n } voted
screen-spread = spread { $spread }
screen-disagreed = Agreed to disagree
screen-agreed-to-disagree = agreed to disagree
screen-not-answered = not answered
screen-workshop-of = Workshop: { $groups }
screen-no-actions-then = No actions were agreed.
screen-actions-then = { $n ->
    [one] The action agreed then:
   *[other] The { $n } actions agreed then:
}
screen-due = due { $date }
screen-status-now = now { $status }
screen-status-was = was { $status }
screen-key-level = level
screen-key-na = n/a
screen-key-skip = skip
screen-key-back = back
screen-key-next = next
screen-key-group = group
screen-key-go-to = go to
screen-key-evidence = evidence
screen-key-extra = extra note
screen-key-actions = actions
screen-key-vote = vote
screen-key-details = details
screen-key-scroll = scroll
screen-key-help = help
screen-key-quit = save & quit
screen-key-save-notes = save notes
screen-key-new-line = new line
screen-key-own-editor = your editor
screen-key-keep-draft = keep as draft & stop
screen-key-delete-it = delete it
screen-any-other-key = any other key
screen-key-keep-it = keep it
screen-key-move = move
screen-key-change = change
screen-key-add = add
screen-key-delete = delete
screen-key-phone-number = the phone's number
screen-key-put-out = put it out
screen-key-cancel = cancel
screen-key-how-many = how many
screen-key-counted = done, then agree
screen-key-save-back = save & back
screen-key-vote-again = phones vote again
screen-key-keep-add = keep & add
screen-key-put-out-phone = put out a phone
screen-key-new-code = new code
screen-key-agree = agree this level
screen-key-disagree = agree to disagree
screen-key-save-note = save the note
screen-key-next-field = next field
screen-key-save-details = save details
screen-key-save-stop = save & stop
screen-key-change-status = change status
screen-key-save-action = save action
screen-key-go-there = go there
screen-key-last-indicator = last indicator
screen-key-finish = save & finish
screen-key-space = Space
screen-that-key = That key
screen-title-change-action = Changing action { $n } for { $id }
screen-title-new-action = New action for { $id }
screen-title-details = Details of this assessment
screen-title-disagree = Agreeing to disagree on { $id }
screen-title-vote = Vote on { $id }
screen-title-actions = Actions for { $id }
screen-field-what = What will be done
screen-field-owner = Who owns it
screen-field-due = Due by (YYYY-MM-DD)
screen-field-status = Status
screen-field-note = Note on progress
screen-field-partnership = Partnership
screen-field-date = Date
screen-field-taking-part = Taking part
screen-hint-date = YYYY-MM-DD, e.g. 2026-11-12
screen-hint-taking-part = names, with commas between
screen-scored-by = Scored by: { $who } (changed with --room, --group, --person or --groups when resuming)
screen-add-action = Add an action
screen-dont-know = don't know
screen-counted = { $n } counted
screen-spread-levels = spread { $spread } levels
screen-talk-loud = ⚑ TALK ABOUT THIS: views are far apart
screen-no-spread = no spread yet
screen-phones = Phones
screen-phones-count = { $n } voted (of { $joined } joined) · shown when counting is done
screen-vote-at = Vote at
screen-code = code
screen-code-hint = c: a new code, every phone out
screen-phones-none = no votes
screen-phones-in-record = { $n ->
    [one] 1 vote on { $id } is
   *[other] { $n } votes on { $id } are
} in the record already, { $when }. Phones wait until you choose: r to vote again (this vote's replace them: the same people are here) or k to keep them and add this vote's (other people are voting now).
screen-phones-from-earlier = from the earlier vote on it
screen-phones-from-before = from before this session (before coprod stopped)
screen-phones-voted-before = Phones voted on { $id } before: r, they vote again; k, keep their votes and add. Cards can be typed meanwhile.
screen-phones-new-code = New join code { $code }: every phone is out, and their votes on this one are dropped; people join again with the new code.
screen-phones-keep = Phones can vote on { $id }: their { $n ->
    [one] 1 earlier vote is
   *[other] { $n } earlier votes are
} kept, and this vote's are added.
screen-phones-again = Phones vote again on { $id }: this vote's phone votes replace the { $n ->
    [one] 1 earlier vote
   *[other] { $n } earlier votes
} (kept until the first phone votes).
screen-put-out-ask = Put out phone number: { $typed }_ (the number on its page) · Enter puts it out · Esc cancels
screen-put-out-none = No phone was put out.
screen-put-out-how = Type the number the phone's page shows, then Enter; Esc cancels.
screen-put-out-done = Phone { $number } is out: its vote on this one is dropped, and its page tells it so.
screen-put-out-unknown = No phone { $number } is in the vote (it may be out already): check the number on its page; p to try again.
screen-help-title = Keys
screen-help-key-digits = digits
screen-help-key-back = ← or b
screen-help-key-clocks = clocks
screen-help-digits = choose that level; it is saved at once and the next indicator shows
screen-help-na = not applicable here (left out of every average)
screen-help-skip = skip: leave it unanswered for now and go on
screen-help-back = the previous indicator
screen-help-next = the next indicator (nothing is recorded)
screen-help-go-to = go to any indicator: the overview, Enter goes there
screen-help-evidence = write evidence notes (several lines; Esc saves them; Ctrl-E opens them in your editor)
screen-help-extra = write the note “{ $label }” (several lines; Esc saves it; Ctrl-E opens it in your editor)
screen-help-vote = a vote: type how many chose each level, see the spread, then agree a level or to disagree
screen-help-actions = the actions: add, change (Enter), delete (d); Esc saves an action being typed
screen-help-details = the details: correct the partnership, the date and who is taking part
screen-help-scroll = scroll the questions and level meanings (and this help, when it does not fit)
screen-help-tab = in a workshop: the next group's level
screen-help-help = this help; Esc or ? closes it
screen-help-clocks = top right: time on this indicator · time in the whole session
screen-help-quit = save and quit; the command to carry on is shown
screen-help-ctrl-c = save everything, drafts too, and stop
screen-help-end = Every answer is saved to the record file as soon as it is given. A key that means nothing on a screen records nothing and says so here at the bottom.
screen-all-answered = { $n ->
    [one] The only indicator is answered.
   *[other] All { $n } indicators are answered.
}
screen-end-title = End of the framework: { $m } of { $n } answered, { $missing } not yet.
screen-overview-title = Overview: { $m } of { $n } answered. Enter goes to the one marked.
screen-next = Next: { $command }
screen-carry-on-later = To carry on later: { $command }
screen-mark-evidence = evidence
screen-means-nothing = { $key } means nothing here; nothing was recorded.
screen-key-means-nothing = That key means nothing here; nothing was recorded.
screen-enter-means-nothing = Enter means nothing here: type a level's number to choose it.
screen-no-such-level = There is no level { $level }.
screen-skipped = Skipped { $id }; it stays unanswered for now.
screen-first = This is the first indicator; there is none before it.
screen-notes-draft = These are the notes being typed when coprod stopped; Esc saves them.
screen-notes-draft-for = These notes for { $id } were being typed when coprod stopped; Esc saves them.
screen-extra-draft = This is the note being typed when coprod stopped; Esc saves it.
screen-extra-draft-for = This note for { $id } was being typed when coprod stopped; Esc saves it.
screen-action-draft = This action was being typed before; Esc saves it.
screen-action-draft-for = This action for { $id } was being typed when coprod stopped; Esc saves it.
screen-details-hint = Tab moves between the fields; Esc saves them.
screen-vote-hint = Type how many chose each level; ↑ ↓ move between levels; Enter when done.
screen-no-groups = Tab means nothing here: this record has no groups.
screen-next-digit-or-enter = Type the next digit, or Enter for level { $level }.
screen-next-digit = Type the next digit of the level.
screen-off-scale = There is no level { $level }: the levels go from { $lo } to { $hi }. Nothing was recorded.
screen-saved-level = Saved: { $words } for { $id }
screen-saved-level-group = Saved: { $words } for { $id } ({ $group })
screen-saved-stay = { $saved }. → goes on to the next indicator.
screen-help-elsewhere = Help is on the indicator screen; Enter opens one.
screen-saved-evidence = Saved the evidence notes for { $id }.
screen-saved-extra = Saved “{ $label }” for { $id }.
screen-from-editor = Back from your editor: the notes are as it left them; Esc saves them.
screen-from-editor-extra = Back from your editor: the note is as it left it; Esc saves it.
screen-deleted = Deleted the action “{ $what }”.
screen-not-deleted = Not deleted.
screen-delete-ask = Delete the action “{ $what }”? y deletes it, any other key keeps it.
screen-nothing-to-delete = There is no action on this line to delete.
screen-count-too-big = That is more people than a count can hold.
screen-no-votes-phones = No votes yet: type the cards' counts, or wait for the phones; Esc goes back.
screen-no-votes = No votes typed yet: type how many chose each level, or Esc.
screen-saved-vote = Saved the vote on { $id }: { $n } counted.
screen-far-apart = Views are far apart: talk about this.
screen-now-agree = Now agree a level (its number).
screen-now-agree-or-disagree = Now agree a level (its number), or d to agree to disagree.
screen-workshop-no-disagree = In a workshop each group gives its own level: press its number.
screen-disagree-ask = What are the views, and why do they differ? Esc saves the note.
screen-disagree-empty = No note, so nothing was recorded. Agree a level, or d again.
screen-saved-disagree = Saved: the room agreed to disagree on { $id }.
screen-status-keys = Status is chosen with ← and →; Tab goes to the next field.
screen-no-action = Nothing was typed, so no action was added.
screen-saved-action = Saved the action for { $id }.
screen-saved-action-early = Saved the action for { $id }. Note: it is due { $due }, before the date of this assessment ({ $date }); change it if that was a slip.
screen-action-needs-what = An action needs to say what will be done.
screen-due-again = { $error }. Type it like 2027-03-31, or leave it empty.
screen-details-same = Nothing in the details changed.
screen-details-saved = Saved: { $what }.
screen-details-left = Left as they were: { $fields }.
screen-no-name = The partnership needs a name.
screen-date-again = { $error }. Type it like 2026-11-12.
screen-partnership-now = the partnership is now “{ $name }”
screen-date-now = the date is now { $date }
screen-named = { $n ->
    [0] no one is named as taking part
    [one] 1 person is named as taking part
   *[other] { $n } people are named as taking part
}
screen-editor-unset = No editor is set (VISUAL or EDITOR), so the notes stay here; nothing was lost.
screen-editor-no-file = Cannot make a file for your editor ({ $why }); the notes stay here.
screen-editor-no-write = Cannot write the notes for your editor ({ $why }); they stay here.
screen-editor-no-read = Cannot read back what { $editor } saved ({ $why }); the notes are as they were.
screen-editor-no-start = Cannot start your editor `{ $editor }` ({ $why }); the notes stay here, nothing was lost.
screen-editor-lost = Lost track of your editor ({ $why }); the notes are as they were.

## The languages the records were scored in (a summary line when they differ)

languages = Languages
languages-each = { $language } ({ $records })
languages-own = the records were scored in { $list }; this report is in { $language }, the framework's own language (choose another with --language)
languages-asked = the records were scored in { $list }; this report is in { $language }, as asked
language-en = English
language-cy = Welsh

## Errors: what coprod says when something goes wrong (the plain-language parts; file names,
## values and coprod's own commands are put in as they are)

error-word = error
warning-word = warning
help-word = help
note-word = note
error-more-not-shown = { $n ->
    [one] … and 1 more problem not shown
   *[other] … and { $n } more problems not shown
}
error-problems-found = { $n ->
    [one] 1 problem found
   *[other] { $n } problems found
}
io-not-found = there is no such file or folder
io-permission-denied = permission denied
io-already-exists = it already exists
io-is-a-folder = it is a folder
io-not-a-folder = part of the path is not a folder
io-disk-full = the disk is full
io-read-only = the disk can only be read, not written
io-invalid-data = it is not text coprod can read
error-cannot-read = cannot read { $path }
error-cannot-read-stdin = cannot read standard input
error-a-folder = this is a folder, not a file
error-a-folder-help = give the path of a .yaml file inside it
error-unknown-key = unknown key `{ $key }`
error-unknown-key-label = not a key coprod knows here
error-unknown-key-did-you-mean = did you mean `{ $key }`? Keys allowed here: { $list }
error-unknown-key-none-allowed = no keys are allowed here
error-unknown-key-allowed = keys allowed here: { $list }
error-missing-key = missing key `{ $key }`
error-missing-key-label = `{ $key }` is required in this mapping
error-missing-key-help = add `{ $key }: ...`; `coprod framework schema framework` (or `record`) shows the shape
error-duplicate-key = the key `{ $key }` appears twice in one mapping
error-duplicate-key-label = second time
error-duplicate-key-help = keep one of them
error-unknown-value = `{ $value }` is not one of the allowed values
error-unknown-value-label = not allowed here
error-unknown-value-did-you-mean = did you mean `{ $value }`? Allowed: { $list }
error-unknown-value-allowed = allowed: { $list }
error-date-shape = `{ $date }` is not a date in the form YYYY-MM-DD
error-date-not-real = `{ $date }` is not a real date (check the day and month)
error-date-label = not a valid date
error-date-help = write dates as YYYY-MM-DD, for example 2026-11-12
error-other-framework = this record was scored on the framework `{ $record }`, not `{ $framework }`
error-other-framework-label = framework named here
error-other-framework-help = pass the right framework with `--framework PATH` (the one whose id is `{ $record }`)
error-framework-reworded = its wording changed since, though the version is still { $version }
error-framework-new-version = it was version { $then } then and is version { $now } now
error-framework-changed = the framework `{ $id }` has changed since this record was scored: { $what }
error-framework-changed-label = the record remembers this framework
error-framework-changed-help = if the indicators still mean the same, pass `--accept-changed-framework`; otherwise use the framework file the record was made with
error-unknown-indicator = the framework has no indicator `{ $id }`
error-unknown-indicator-label = unknown indicator
error-unknown-indicator-did-you-mean = did you mean `{ $id }`? `coprod framework show { $framework }` lists every indicator
error-unknown-indicator-help = `coprod framework show { $framework }` lists every indicator
error-answered-twice = indicator `{ $id }` is answered twice
error-answered-twice-second = second answer
error-answered-twice-first = first answer
error-answered-twice-first-earlier = first answer, under `{ $id }`'s earlier id
error-answered-twice-help = keep one answer per indicator
error-level-off-scale = level { $level } is not on the scale ({ $lo } to { $hi })
error-level-off-scale-label = not a level of this framework
error-level-off-scale-help = choose one of: { $levels }, or `n/a`
error-record-deleted = { $path } was deleted or moved since coprod last saved it, so coprod stopped without writing over it
error-record-created = { $path } was created by someone else since coprod last saved it, so coprod stopped without writing over it
error-record-changed = { $path } was changed by someone else since coprod last saved it, so coprod stopped without writing over it
error-record-open-here = { $path } is open in another coprod ({ $who }), and two assessments writing one record would lose answers
error-record-open-elsewhere = { $path } is open in coprod on another computer ({ $who }), and two assessments writing one record would lose answers
error-record-open-help = finish that assessment first; if it is no longer running (the computer was switched off), pass --force to take the lock, or delete { $lock }
error-record-lock-unreadable = { $path } is locked by { $lock }, which coprod cannot read
error-record-lock-unreadable-help = if no assessment of this record is running, pass --force or delete { $lock }
error-record-lock-busy = { $path } is being locked and unlocked by another program at this moment
error-lock-holder = process { $pid } on { $host }
error-lock-holder-since = process { $pid } on { $host }, since { $since }
error-try-again = try again
error-cannot-save = cannot save { $what } in { $path }; the file still holds what was saved before
error-not-saved = { $why }; { $what } is not saved
error-not-saved-help = look at the file to see what changed; then carry on with `coprod assess --resume { $path }`
error-lost-details = the change to the record's details
error-lost-one = the answer to { $id }
error-lost-many = the answers to { $ids } and { $last }
error-lost-new-record = the new record
error-no-terminal =
    coprod assess asks questions, but standard input is not a terminal, so it will not wait for answers.
    To fill a record without prompts, give an answers file:
      coprod assess --answers answers.yaml -o record.yaml
      coprod assess --answers answers.csv --partnership NAME --group parent-carers
    (a CSV needs the columns indicator,level and optionally evidence). See `coprod assess --help`.
error-interrupted-saved =
    stopped; every answer so far is saved in { $path }
    To carry on: { $resume }
error-interrupted-nothing-saved = stopped before anything was saved
error-stopped = Stopped.
error-stopped-saved =
    Stopped. Every answer so far is saved.
    To carry on: { $resume }
error-terminal-stopped = the terminal stopped working
error-group-not-simple = the group `{ $group }` is not a simple id
error-group-not-simple-help = use lower-case words joined by `-`, e.g. `parent-carers`
error-unknown-group = `{ $group }` is not a stakeholder group coprod knows; did you mean `{ $suggestion }`?
error-unknown-group-help = known groups: { $known }; to use `{ $group }` as it is, name it under [groups] in coprod.toml
error-group-twice = `{ $group }` is given twice in --groups
error-group-twice-help = list each group once, e.g. --groups parent-carers,health
error-workshop-one-group = a workshop needs at least two groups, and --groups names only `{ $group }`
error-workshop-one-group-help = for one group use --group { $group }; for a workshop list two or more, e.g. --groups parent-carers,health
error-not-a-language-tag = `{ $tag }` is not a language tag
error-not-a-language-tag-help = use a tag such as en-GB or cy
error-not-written-in = the framework `{ $id }` is not written in `{ $tag }`
error-not-written-in-help = it is written in { $languages }; `coprod framework validate` lists what a translation still lacks

## Setting up a walk (coprod assess): the questions before the first indicator, what is said
## around them, and what is said when a record is filled from an answers file

setup-title = coprod assess: { $title } (version { $version }), { $n ->
    [one] 1 indicator
   *[other] { $n } indicators
}.
setup-partnership-from-one = Partnership: { $name } (from the earlier record; --partnership changes it)
setup-partnership-from-many = Partnership: { $name } (from the earlier records; --partnership changes it)
setup-partnership = Partnership name
setup-partnership-hint = The partnership doing this assessment, e.g. Hafren Vale SEND Partnership
setup-partnership-empty = Please give the partnership's name.
setup-date = Date of the assessment (YYYY-MM-DD)
setup-date-again = { $error }. Try again, e.g. 2026-11-12.
setup-scoring-one = Scoring: { $who } (as in the earlier record; --room, --group, --person or --groups change it)
setup-scoring-many = Scoring: { $who } (from the earlier records; --room, --group, --person or --groups change it)
setup-who = Who is scoring?
setup-who-room = The whole room, agreeing one score
setup-who-group = One stakeholder group
setup-who-person = One person
setup-their-name = Their name
setup-which-group = Which stakeholder group?
setup-no-group = No group
who-workshop = Workshop: { $groups }
setup-save-as = Save the record as
setup-save-as-hint = A YAML file in this folder; it is saved after every answer
setup-is-folder = { $path } is a folder. Please give a file name.
setup-exists = { $path } already holds a record. Resume it instead of starting again?
setup-other-name = Then choose another file name; the existing record is left as it is.
setup-no-folder = The folder for { $path } does not exist. Please choose another name.
setup-retired = Kept for reference, left out of the scores: answers to { $ids }, which the framework no longer has.
setup-partnership-changed = Partnership changed from “{ $from }” to “{ $to }”.
setup-date-changed = Date changed from { $from } to { $to }.
setup-scorer-kept = Kept the scorer as { $who }: a record cannot change between a workshop and one scorer, because its levels are kept differently. Start a new record for that.
setup-scorer-changed = Scorer changed from { $from } to { $to }.
setup-saved = Saved { $path }: { $m } of { $n ->
    [one] 1 indicator
   *[other] { $n } indicators
} answered.
setup-no-dash-output = an assessment saves its record after every answer, so it needs a file, not `-o -`
setup-no-dash-output-help = give a file name with -o FILE; `-o -` writes a record to standard output with --answers
setup-not-built-in = the record was scored on the framework `{ $id }`, which is not built in
setup-not-built-in-help = pass its file with `--framework PATH`
setup-from-other-framework = { $path } was scored on the framework `{ $record }`, not `{ $framework }`, so its actions cannot be followed up here
setup-no-answers = the answers file has no answers
setup-no-answers-help = a YAML answers file lists them under `answers:`; a CSV file has a row per indicator after the header
setup-no-partnership = { $file } does not name the partnership
setup-no-partnership-help = pass --partnership NAME, or add `partnership:` to a YAML answers file
setup-record-exists = { $path } already exists, and coprod never overwrites a record without being asked
setup-record-exists-help = choose another name with -o FILE, or pass --force to replace it

## A vote in the plain walk: counting cards, and phones voting (--plain --vote). Typed commands:
## Enter, done (or the Welsh cau) to close, p and a number, c

vote-cards = Vote on { $id }: type how many people chose each level (Enter for none).
vote-how-many = How many chose { $what }
vote-dont-know = don't know
vote-a-number = Type a number of people, like 3 (0 for none).
vote-left = Vote left as it was.
vote-nothing = No votes were counted, so nothing was recorded.
vote-saved = Saved the vote on { $id }: { $total } counted.
vote-saved-spread = Saved the vote on { $id }: { $total } counted, spread { $spread } levels.
vote-far-apart = Views are far apart: talk about this.
vote-now-agree = Now choose the level the room agrees.
phones-group = Phones, { $group }
phones-no-group = Phones, no group given
phones-earlier-this = { $n ->
    [one] 1 phone vote on { $id } is
   *[other] { $n } phone votes on { $id } are
} in the record already, from the earlier vote on it. What now?
phones-earlier-before = { $n ->
    [one] 1 phone vote on { $id } is
   *[other] { $n } phone votes on { $id } are
} in the record already, from before this session (before coprod stopped). What now?
phones-again = phones vote again: this vote's replace them (the same people are here)
phones-keep = keep them and add this vote's (other people are voting now)
phones-none-opened = No phones' vote was opened; their earlier votes stay.
phones-open = Phones can vote on { $id } now. Address: { $address }. Join code: { $code } (spelled { $spelled }).
phones-prompt = Phones voting: Enter for how many have voted, done to close the vote, p and a number to put out a phone, c for a new code
phones-counts = { $voted } voted, of { $joined ->
    [one] 1 phone
   *[other] { $joined } phones
} joined. Type done when everyone has voted.
phones-new-code = New join code { $code } (spelled { $spelled }): every phone is out, and their votes on this one are dropped; people join again with the new code.
phones-put-out = Phone { $n } is out: its vote on this one is dropped, and its page tells it so.
phones-no-such = No phone { $n } is in the vote (it may be out already): check the number on its page.
phones-p-number = Type p and the number the phone's page shows, like p 7.
phones-what = Press Enter for how many have voted, type done to close the vote, p and a number to put out a phone, or c for a new code.
phones-closed = The phones' vote on { $id } is closed: { $n } counted from phones. Now the cards, for people without a phone.

## coprod framework show: the words around the framework's own texts

show-title = { $title } (version { $version })
show-edition = edition: { $edition }
show-id = id: { $id }  ·  fingerprint: { $fingerprint }
show-source = Source: { $source }
show-extra-note = Also noted at every indicator: { $label }
show-scale = Scale
show-bands = Bands
show-band = { $min } to { $max }  { $label }
show-section = { $noun } { $n } of { $count }: { $title }
show-indicator = { $id } ({ $n } of { $total })  { $statement }
show-was = (was { $ids })

## The phone pages (coprod assess --vote): in the language the phone shows the questions in

phone-join-title = Join the vote
phone-join-heading = Vote from your phone
phone-private = Your vote is private: the room sees how many people chose each level, never who chose what. Nothing about you or your phone is kept.
phone-code = Join code
phone-code-hint = (on the screen at the front)
phone-which-group = Which group are you in?
phone-group-hint = (you do not have to say)
phone-rather-not = I would rather not say
phone-join = Join
phone-saved = Your vote is saved: { $what }. You can change it until the vote closes.
phone-your-vote = Your vote: { $what }. You can change it until the vote closes.
phone-not-voted = You have not voted on this one yet.
phone-waiting = Waiting for the next vote
phone-none-open = No vote is open just now. When the facilitator opens one, it shows here.
phone-check-again = Check again
phone-vote-on = Vote on { $id }
phone-choose = Choose the level you think fits best
phone-na = Not applicable
phone-na-meaning = This does not apply to our partnership.
phone-dk = Don't know
phone-dk-meaning = I cannot say.
phone-number = You are phone { $n }.
phone-joined-as = You joined as: { $group }.
phone-language = Language of the questions:
phone-out-title = You were taken out of the vote
phone-out-text = The facilitator took this phone out of the vote. It cannot vote now, and its vote on the question that was open was not counted.
phone-out-ask = If you should be voting, ask the facilitator. Then join again with the code on the screen at the front.
phone-join-again = Join again
phone-back = Back to the start
phone-too-many-votes-title = Too many votes
phone-too-many-votes = Too many votes from this phone: wait a few seconds, then press your choice again.
phone-not-here-title = Not here
phone-not-here = There is no such page. The vote is at the address on the screen at the front.
phone-too-many-tries-title = Too many tries
phone-too-many-tries = That code was wrong too many times. Wait a minute, then try again with the code on the screen.
phone-wrong-code = That is not the join code. Check the code on the screen at the front and type it again.
phone-unknown-group = Choose one of the groups listed, or I would rather not say.
phone-full = The vote is full: no more phones can join.
phone-not-joined = This phone has not joined: open the address on the screen and type the code.
phone-not-understood = That vote was not understood. Press one of the choices.
phone-put-out = The facilitator took this phone out of the vote, so your choice was not counted. If you should be voting, ask the facilitator, then join again with the code on the screen.
phone-wrong-key = This vote did not come from this phone's own page. Press your choice again.
phone-closed = That vote has closed, so your choice was not counted.
phone-not-on-scale = That is not one of the levels. Press one of the choices.
phone-not-saved-yet = Your vote has not been saved yet. Please press your choice again.
phone-other-site = This form did not come from the vote's own page.
phone-wrong-method = That is not how this page is used.
phone-not-taken = Your vote was not taken. Please try again.
phone-retrying = Not sent yet — trying again…
phone-retrying-long = Not sent yet — check this phone is on the room's network. Trying again…
phone-sending = Sending…

## The rest of the plain walk: the details, "you said, we did", changing an action, and the
## plain prompts' own words

details-partnership = Partnership
details-date-again = { $error }. Type it like 2026-11-12.
details-participants = Who is taking part (names between commas, - for no one)
details-kept = Details left as they were.
details-no-partnership = The partnership needs a name.
details-unchanged = Nothing in the details changed.
details-saved = Saved: { $changes }.
details-partnership-now = the partnership is now “{ $name }”
details-date-now = the date is now { $date }
details-people = { $n ->
    [0] no one is named as taking part
    [one] 1 person is named as taking part
   *[other] { $n } people are named as taking part
}
carry-intro = You said, we did: { $n ->
    [one] 1 action was
   *[other] { $n } actions were
} agreed on { $date }. Where has each got to?
carry-action = Action { $n } of { $total }
carry-overdue = (overdue)
carry-last-time = Last time: { $status }
carry-status = Status now
carry-kept = Kept as it was.
carry-note = A note on progress (optional)
actions-none = { $id } has no actions yet; new ones are added after its level.
actions-another = Change or delete another of the { $actions } for { $id }?
actions-which = Which action?
actions-what-to-do = What to do with it?
actions-change = Change what, who owns it or the due date
actions-status = Change where it has got to (its status)
actions-delete = Delete it
actions-saved-status = Saved: the action is now { $status }.
actions-delete-question = Delete the action “{ $what }”?
actions-deleted = Deleted.
actions-not-deleted = Not deleted.
prompt-not-a-choice = “{ $answer }” is not one of the choices.
prompt-type-one-of = Type one of: { $keys }.
prompt-hint-number = To choose { $n }, type the number { $n }.
prompt-hint-na = For not applicable, type n.
prompt-hint-not-yes-no = This question is not a yes or no one.
prompt-editor = { $question }: type or paste the text, then a line with just . to finish.
prompt-editor-replaces = (The current text is replaced. Type just . to keep it.)
prompt-fancy-help = ↑↓ move · Enter choose · type to filter · Esc back · Ctrl-C save and stop
prompt-yes = Yes
prompt-no = No

## Phone votes kept beside a record (NAME.votes) while they pour in

error-journal-help = { $path } holds phone votes coprod kept beside the record; if it is damaged, move it somewhere else and coprod carries on without those votes
error-journal-header = this is not a file of phone votes that coprod wrote
error-journal-line = this line of phone votes cannot be read: { $why }
error-journal-not-phones = this line holds votes that are not from phones, which coprod never writes here
error-journal-no-answer = these are phone votes for { $id }, which the record has no answer for
record-journal-applied = { $n ->
    [one] The phone votes on 1 indicator
   *[other] The phone votes on { $n } indicators
} that were kept beside { $path } when coprod last stopped are now in the record.
record-journal-unused = { $unused } holds phone votes for an earlier version of { $path }, so they were not added; the file is kept in case votes are missing.
report-journal-counted = { $journal } holds phone votes that are not yet in { $path } (its assessment stopped during a vote); they are counted here. `coprod assess --resume { $path }` writes them into the record.
