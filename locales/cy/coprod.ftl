# Geiriau coprod ei hun yn Gymraeg (cy): pob brawddeg mewn adroddiad.
#
# NEEDS REVIEW: this Welsh is coprod's own translation and has not yet been reviewed by a
# Welsh speaker. Have it reviewed before publishing anything made with it.
#
# Each message is one line; every message of the English catalog must be here too (a test
# checks). Counts choose among Welsh's plural forms: zero, one, two, few (3), many (6), other.

## Dates and lists

month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr
long-date = { $day } { $month } { $year }
list-and = { $rest } a { $last }

## Counts

n-records = { $n ->
    [zero] dim cofnodion
    [one] 1 cofnod
    [two] 2 gofnod
    [few] { $n } chofnod
    [many] { $n } chofnod
   *[other] { $n } cofnod
}
n-people = { $n ->
    [zero] neb
    [one] 1 person
   *[other] { $n } o bobl
}
n-responses = { $n ->
    [zero] dim ymatebion
   *[other] { $n } ymateb
}
n-actions = { $n ->
    [zero] dim camau gweithredu
    [one] 1 cam gweithredu
    [two] 2 gam gweithredu
    [few] { $n } cham gweithredu
    [many] { $n } cham gweithredu
   *[other] { $n } cam gweithredu
}
m-of-n = { $m } o { $n }

## Who scored

who-room = Yr ystafell gyfan
who-one-person = Un person
who-a-group = Grŵp
group-parent-carers = Rhieni-ofalwyr
group-local-authority = Awdurdod lleol
group-health = Iechyd
group-education = Addysg
group-young-people = Pobl ifanc
group-voluntary-sector = Sector gwirfoddol
overall = At ei gilydd

## Scores

score-words = { $score } allan o { $max } ({ $percent } o'r raddfa)
not-scored = heb sgôr
no-score = { $label } heb sgôr
on-date = ar { $date }

## Cover

cover-kind = Hunanwerthusiad cyd-gynhyrchu
not-dated = Heb ddyddiad
assessed-on = Aseswyd ar { $dates }
framework-line = Fframwaith: { $title }, fersiwn { $version }
who-took-part = Pwy gymerodd ran
cover-intro-years = Mae'r adroddiad hwn yn ymdrin â { $n } cofnod o { $assessments } asesiad. Mae'r sgoriau'n disgrifio'r diweddaraf, ar { $date }; mae'r rhai cynharach yn dangos beth newidiodd.
cover-intro-combined = Mae'r adroddiad hwn yn cyfuno { $n } cofnod, pob un wedi'i sgorio gan un grŵp neu gan yr ystafell gyfan.
cover-intro-one = Mae'r adroddiad hwn yn seiliedig ar un cofnod.
cover-table-summary = Pwy sgoriodd bob cofnod, pryd, a faint o ddangosyddion a atebwyd ganddyn nhw.
col-scored-by = Sgoriwyd gan
col-date = Dyddiad
col-indicators-answered = Dangosyddion a atebwyd

## Summary

summary = Crynodeb
summary-framework = { $title } (fersiwn { $version })
no-indicators-scored = dim dangosyddion wedi'u sgorio eto
completeness = Cyflawnder
completeness-value = { $answered } o { $total } wedi'u hateb · { $na } ddim yn berthnasol · { $unanswered } heb eu hateb ({ $percent } yn gyflawn)
editions = Argraffiadau
editions-each = { $name } (argraffiad { $edition })
editions-other-one = y cofnod arall yr argraffiad safonol
editions-others = y lleill yr argraffiad safonol
range = Ystod
range-value = mae canlyniadau'r cofnodion eu hunain yn amrywio o { $min } i { $max }, gwahaniaeth o { $spread }
partnerships-combined = Partneriaethau wedi'u cyfuno
earlier-assessments = Asesiadau cynharach
earlier-value = { $dates } (gweler “Dros amser”)
section-results = Canlyniadau fesul { $noun }
strengths = Cryfderau
priorities = Blaenoriaethau
none-yet = Dim eto: rhy ychydig o ddangosyddion wedi'u sgorio.
and-more = … a { $n } arall ar { $score }

## Section results

col-score = Sgôr
col-percent = % o'r raddfa
col-band = Band
col-lowest-record = Cofnod isaf
col-highest-record = Cofnod uchaf
col-bar = Bar
col-answered = Wedi'u hateb
section-results-summary = Sgôr pob { $noun }, ei ganran o'r raddfa, ei fand a faint o ddangosyddion a atebwyd.

## Charts

axis-caption = Sgôr: { $lo } = { $lolabel }, { $hi } = { $hilabel }
axis-score = Sgôr
chart-combined = cyfunol { $score }
chart-bars-alt = Siart bar o sgoriau pob { $noun } ar raddfa o { $lo } i { $hi }: { $described } Mae'r un rhifau yn y tabl { $results } uchod.
chart-gap = bwlch { $gap }
chart-span = { $section }: o { $low } ({ $lowname }) i { $high } ({ $highname }).
chart-span-none = { $section }: heb sgôr.
chart-dots-groups-alt = Plot dotiau o ganlyniad pob grŵp fesul { $noun } ar raddfa o { $lo } i { $hi }, gyda'r ystod o'r isaf i'r uchaf. { $spans } Mae pob rhif yn y tabl { $results } uchod ac yn “{ $groups }”.
chart-dots-records-alt = Plot dotiau o ganlyniad pob cofnod fesul { $noun } ar raddfa o { $lo } i { $hi }, gyda'r ystod o'r isaf i'r uchaf. { $spans } Mae pob rhif yn y tabl { $results } uchod ac yn “{ $groups }”.

## Stakeholder groups

talk-flag = ⚑ siaradwch am hyn
talk-about-this = Siaradwch am hyn
groups-title = Safbwyntiau fesul grŵp rhanddeiliaid
groups-intro = Canlyniad pob grŵp ar { $date }; y bwlch yw'r uchaf llai'r isaf. Mae bwlch o { $threshold } lefel neu fwy wedi'i nodi “siaradwch am hyn”: mae'r grwpiau'n ei weld yn wahanol.
col-gap = Bwlch
groups-table-summary = Canlyniad pob grŵp rhanddeiliaid fesul { $noun } ac at ei gilydd, a'r bwlch rhwng yr uchaf a'r isaf.
no-talk = Nid yw canlyniadau'r grwpiau ar unrhyw ddangosydd yn gwahaniaethu o { $threshold } lefel neu fwy.
talk-intro = Mae canlyniadau'r grwpiau'n gwahaniaethu o { $threshold } lefel neu fwy ar y dangosyddion hyn, y bwlch mwyaf yn gyntaf:
col-id = ID
col-indicator = Dangosydd
gaps-summary = Dangosyddion a sgoriwyd yn bell oddi wrth ei gilydd gan y grwpiau rhanddeiliaid: canlyniad pob grŵp a'r bwlch.

## Over time

over-time = Dros amser
trend-intro = Y canlyniad cyfunol ym mhob asesiad, y cynharaf yn gyntaf. Y newid yw'r gwahaniaeth rhwng y sgoriau fel y'u dangosir; mae newid o lai na { $step } o lefel y naill ffordd neu'r llall yn cyfrif fel tua'r un fath.
change-since = Newid ers { $date }
dir-improved = wedi gwella
dir-slipped = wedi llithro
dir-same = tua'r un fath
trend-table-summary = Y canlyniad at ei gilydd a chanlyniad pob { $noun } ym mhob asesiad, a'r newid ers yr un cyn y diweddaraf.
trend-chart-alt = Siartiau llinell bach, un ar gyfer { $overall } ac un i bob { $noun }, o'r canlyniad ym mhob asesiad o { $first } i { $last }, ar raddfa o { $lo } i { $hi }. { $overall }: { $values }. Mae pob rhif yn y tabl uchod.
trend-no-score = heb sgôr
trend-none = dim
trend-improved = Wedi gwella ers { $date }
trend-slipped = Wedi llithro ers { $date }
trend-same = Tua'r un fath ers { $date }

## Framework versions

framework-versions = Fersiynau'r fframwaith
version-records = fersiwn { $version } ({ $records })
versions-note = Gwnaed y cofnodion gyda gwahanol fersiynau o'r fframwaith: { $versions }. Maen nhw'n cael eu cymharu fesul dangosydd.
renamed = Wedi'u hailenwi, gydag atebion cynharach yn cyfrif o dan yr ID newydd: { $list }.
renaming = { $from } yw { $to } bellach
retired = Nid ydyn nhw yn y fframwaith mwyach, felly maen nhw wedi'u gadael allan o bob sgôr: { $list }.
new-ids = Heb eu hateb yng nghofnodion y fersiynau cynharach (newydd, neu heb eu sgorio bryd hynny): { $list }.

## Sections

score-line = Sgôr: { $words }.
score-not-yet = Sgôr: dim sgôr eto.
answers-from-records = { $answered } o { $total } ateb o { $records ->
    [one] 1 cofnod
    [two] 2 gofnod
    [few] { $records } chofnod
    [many] { $records } chofnod
   *[other] { $records } cofnod
}.
indicators-answered = { $answered } o { $total } dangosydd wedi'u hateb.
section-spread = Mae sgoriau'r cofnodion eu hunain yn amrywio o { $min } i { $max }, gwahaniaeth o { $spread }.
evidence = Tystiolaeth
col-level = Lefel
col-evidence = Tystiolaeth
not-applicable = Ddim yn berthnasol
not-answered = Heb ei ateb
single-table-summary = Dangosyddion { $section }: pob datganiad, y lefel a ddewiswyd a'r dystiolaeth a nodwyd.
col-lowest = Isaf
col-highest = Uchaf
col-answers = Atebion
combined-summary-groups = Dangosyddion { $section }: sgôr gyfunol pob datganiad, canlyniad pob grŵp a'r bwlch rhyngddyn nhw, a faint o gofnodion a roddodd lefel.
combined-summary-range = Dangosyddion { $section }: sgôr gyfunol pob datganiad, y lefel isaf a'r uchaf a roddwyd, a faint o gofnodion a roddodd lefel.

## Actions

col-action = Cam gweithredu
col-owner = Perchennog
col-due = Erbyn
col-status = Statws
col-raised-by = Codwyd gan
not-set = Heb ei osod
status-not-started = Heb ddechrau
status-in-progress = Ar y gweill
status-done = Wedi'i wneud
status-embedded = Wedi'i wreiddio
status-dropped = Wedi'i ollwng
action-owner = perchennog: { $owner }
action-due = erbyn { $date }
follow-up-title = Dywedoch chi, gwnaethon ni
follow-up-counts = O'r { $agreed } a gytunwyd ar { $date }: { $done } wedi'u gwneud neu eu gwreiddio, { $open } yn dal ar agor, { $dropped } wedi'u gollwng a { $unmentioned } heb eu crybwyll y tro hwn.
not-mentioned = Heb eu crybwyll y tro hwn
overdue = Yn hwyr
overdue-rule = Mae cam gweithredu'n hwyr pan gafodd ei gytuno mewn asesiad cynharach, roedd i fod i'w wneud cyn { $date }, ac nid yw wedi'i wneud, ei wreiddio na'i ollwng.
overdue-none = Does dim un yn hwyr.
overdue-some = { $n ->
    [one] Mae un
   *[other] Mae { $n }
} yn hwyr:
action-plan = Cynllun gweithredu
no-actions = Ni chytunwyd ar unrhyw gamau gweithredu ar { $date }.
plan-intro = { $agreed } wedi'u cytuno ar { $date }, { $open } yn dal ar agor, yn nhrefn y fframwaith, gyda phwy a gododd bob un.
plan-table-summary = Y cynllun gweithredu: pob cam, ei berchennog, y dyddiad erbyn a'r statws, a phwy a'i cododd.
plan-short = { $agreed } wedi'u cytuno ar { $date }, { $open } yn dal ar agor. Defnyddiwch --format markdown i weld y dystiolaeth a'r cynllun gweithredu.

## How the scores are worked out

method-title = Sut mae'r sgoriau'n cael eu cyfrifo
method-groups = Gyda sawl cofnod, mae pob grŵp rhanddeiliaid yn cyfrif yr un faint: canlyniad grŵp ar gyfer dangosydd yw cymedr lefelau ei gofnodion, a'r canlyniad cyfunol yw cymedr canlyniadau'r grwpiau (felly nid yw grŵp a anfonodd fwy o gofnodion yn cyfrif yn drymach na'r lleill).
method-records = Gyda sawl cofnod, canlyniad cyfunol pob dangosydd yw cymedr lefelau'r holl gofnodion, felly mae grŵp a anfonodd fwy o gofnodion yn cyfrif yn drymach (--weight-by records).
method-text = Mae pob dangosydd yn sgorio gwerth y lefel a ddewiswyd. Mae dangosyddion nad ydyn nhw'n berthnasol neu heb eu hateb yn cael eu gadael allan o bob cyfartaledd. Sgôr { $noun } yw cymedr ei ddangosyddion a atebwyd; y sgôr { $overall } yw cymedr sgoriau pob { $noun }. { $combined } Mae sgoriau'n cael eu dangos i un lle degol a chanrannau o'r raddfa i'r rhif cyfan agosaf; newid dros amser yw'r gwahaniaeth rhwng y sgoriau fel y'u dangosir.
method-framework = Fframwaith: { $title } (ID { $id }, fersiwn { $version }, ôl bys { $fingerprint })
the-scale = Y raddfa
scale-summary = Y raddfa sgorio: gwerth, enw ac ystyr pob lefel.
col-name = Enw
col-meaning = Ystyr
the-bands = Y bandiau
bands-summary = Y bandiau sy'n enwi canlyniad: o (yn gynwysedig), i (heb ei gynnwys, ac eithrio'r band uchaf) ac ystyr.
col-from = O
col-to = I
bands-note = Mae band yn rhedeg o'i derfyn isaf hyd at, ond heb gynnwys, ei derfyn uchaf; mae'r band uchaf yn cynnwys y sgôr uchaf. Mae bandiau'n cael eu penderfynu ar y sgôr union, cyn talgrynnu.
the-records = Y cofnodion
records-summary = Y ffeiliau cofnod y gwnaed yr adroddiad hwn ohonyn nhw, pwy sgoriodd bob un, ei ddyddiad a'i ganlyniad ei hun at ei gilydd.
col-file = Ffeil
col-own = { $overall } ei hun

## The PDF's page furniture

continued = parhad
pdf-page = Tudalen { $n } o { $total }
pdf-subject = Hunanwerthusiad cyd-gynhyrchu yn erbyn { $title } (fersiwn { $version }), { $dates }

## The walk (coprod assess): each indicator's screen and questions

walk-header = { $section }{ $sep }dangosydd { $n } o { $count }{ $sep }{ $index } o { $total } i gyd ({ $noun } { $snum } o { $scount })
walk-questions = Cwestiynau i siarad amdanyn nhw:
walk-levels = Sut mae pob lefel yn edrych yma:
walk-answered = Wedi'i ateb hyd yma: { $chosen }
walk-with-evidence = gyda nodiadau tystiolaeth
walk-na-item = d/b  Ddim yn berthnasol yma
walk-vote = Pleidleisio yn gyntaf: teipiwch faint ddewisodd bob lefel
walk-actions = Camau gweithredu: newid neu ddileu un (daw rhai newydd ar ôl y lefel)
walk-details = Manylion: y bartneriaeth, y dyddiad, pwy sy'n cymryd rhan
walk-skip = Neidio am y tro
walk-back = Yn ôl i'r dangosydd blaenorol
walk-help = Help
walk-quit = Cadw a gadael
choice-na = ddim yn berthnasol
choice-not-yet = dim eto
choice-disagreed = cytunodd yr ystafell i anghytuno
walk-unanswered = { $n ->
    [one] Mae 1 dangosydd
   *[other] Mae { $n } dangosydd
} heb eu hateb eto: { $ids }. Beth nesaf?
walk-go-through = Mynd drwy'r rhai sydd heb eu hateb, gan neidio dros y gweddill
walk-finish = Gorffen am y tro (mae'r gorchymyn i ailddechrau'n cael ei ddangos)
walk-back-last = Yn ôl i'r dangosydd olaf
walk-last-time = Y tro diwethaf ({ $date }{ $whose }): { $words }
walk-level-for = Lefel ar gyfer { $id }
walk-level-for-group = Lefel ar gyfer { $id }{ $sep }{ $group }
walk-notes-again = Mae'r nodiadau a deipiwyd y tro diwethaf ac sydd heb eu cadw'n cael eu cynnig eto.
walk-evidence-plain-new = Teipiwch y nodiadau ar un llinell a gwasgwch Enter, neu Enter yn unig am ddim. Teipiwch /edit am sawl llinell, esc i fynd yn ôl i'r lefel.
walk-evidence-plain-kept = Gwasgwch Enter i gadw'r nodiadau hyn. Teipiwch nodiadau newydd i'w disodli, /clear i'w dileu, /edit am sawl llinell, esc i fynd yn ôl i'r lefel.
walk-evidence-new = Enter i neidio · /edit i agor eich golygydd · Esc i fynd yn ôl i'r lefel
walk-evidence-kept = Enter i gadw · /clear i'w dileu · /edit i agor eich golygydd · Esc i fynd yn ôl i'r lefel
walk-evidence = Nodiadau tystiolaeth ar gyfer { $id } (dewisol)
walk-evidence-editor = Nodiadau tystiolaeth ar gyfer { $id }
walk-no-editor = Nid oedd modd agor y golygydd ({ $why }). Teipiwch y nodiadau yma yn lle hynny.
walk-extra-plain-new = Teipiwch ef ar un llinell a gwasgwch Enter, neu Enter yn unig am ddim. Mae esc yn mynd yn ôl i'r lefel.
walk-extra-plain-kept = Gwasgwch Enter i'w gadw. Teipiwch un newydd i'w ddisodli, /clear i'w ddileu, esc i fynd yn ôl i'r lefel.
walk-extra-new = Enter i neidio · Esc i fynd yn ôl i'r lefel
walk-extra-kept = Enter i gadw · /clear i'w ddileu · Esc i fynd yn ôl i'r lefel
walk-extra = { $question } ({ $id }, dewisol)
walk-action-draft = Roedd cam gweithredu ar gyfer { $id } yn cael ei deipio y tro diwethaf: “{ $what }”. Ei orffen?
walk-add-action = Ychwanegu cam gweithredu ar gyfer { $id }?
walk-has-actions = Mae gan { $id } { $actions }. Ychwanegu un arall?
walk-add-another = Ychwanegu cam gweithredu arall ar gyfer { $id }?
walk-cancel-plain = Teipiwch esc, neu gwasgwch Enter ar linell wag, i ganslo'r cam hwn.
walk-cancel = Mae Esc neu ateb gwag yn canslo'r cam hwn
walk-what = Beth fydd yn cael ei wneud?
walk-no-action = Dim cam gweithredu wedi'i ychwanegu.
walk-owner = Pwy sy'n berchen arno? (dewisol)
walk-due = Dyddiad erbyn, BBBB-MM-DD (dewisol)
walk-due-again = { $error }. Rhowch gynnig arall, e.e. 2027-03-31, neu gadewch ef yn wag.
walk-due-before = Sylwch: mae { $due } cyn dyddiad yr asesiad hwn ({ $date }). Mae'r cam wedi'i gadw gydag ef; newidiwch ef os mai camgymeriad oedd hynny.
walk-action-saved = Cam gweithredu wedi'i gadw.
walk-help-text =
    Sut mae hyn yn gweithio
      Ar gyfer pob dangosydd, trafodwch ef, yna dewiswch y lefel mae'r ystafell yn cytuno arni.
      Dewiswch d/b os nad yw'n berthnasol i'ch partneriaeth; mae'n cael ei adael allan o bob cyfartaledd.
      Mae Pleidleisio yn gyntaf (v) yn gofyn faint o bobl a ddewisodd bob lefel, ar gardiau neu
      bapur, cyn i'r ystafell gytuno; mae'r niferoedd yn cael eu cadw wrth ymyl y lefel, heb enwau.
      Mae Camau gweithredu (a) yn newid neu'n dileu un o gamau'r dangosydd, neu'n symud ei statws ymlaen.
      Mae Manylion (i) yn cywiro'r bartneriaeth, y dyddiad a phwy sy'n cymryd rhan.
      Mae Neidio yn ei adael am nes ymlaen: byddwch chi'n cael eich holi am ddangosyddion a neidiwyd ar y diwedd.
      Mae Yn ôl yn mynd i'r dangosydd blaenorol; mae eich atebion yno'n cael eu cadw a'u dangos.
      Mae Cadw a gadael yn stopio yma; rhedwch y gorchymyn a ddangosir i barhau rywbryd eto.
      Mae popeth yn cael ei gadw yn y ffeil gofnod ar ôl pob ateb.
      Mae Ctrl-C ar unrhyw adeg hefyd yn cadw ac yn stopio.
walk-done = Wedi gorffen. Crynodeb
walk-section-answered = { $m } o { $n } wedi'u hateb
walk-not-answered = Heb eu hateb eto: { $ids }
walk-saved-next =
    Wedi'i gadw yn { $path }.
    Nesaf: { $next }
      neu: { $next } --format markdown -o report.md
walk-saved-complete =
    Wedi'i gadw yn { $path }. Mae pob dangosydd wedi'i ateb.
    Nesaf: { $next }
walk-saved-later =
    Wedi'i gadw yn { $path }. I barhau nes ymlaen:
      { $resume }
walk-carry-on = I barhau: { $resume }
walk-participants = Pwy sy'n cymryd rhan? (dewisol: enwau wedi'u gwahanu gan gomas)
prompt-choose = Teipiwch ddewis a gwasgwch Enter:
prompt-yes-or-no = Teipiwch y am ie neu n am na.
walk-intro =
    Yn cadw yn { $path } ar ôl pob ateb. { $answered } o { $total } dangosydd wedi'u hateb hyd yma.
    Dewiswch Help wrth unrhyw ddangosydd i weld y bysellau; mae Ctrl-C yn cadw ac yn stopio.

## The workshop screen (coprod assess without --plain): its labels, keys, help and messages.
## Key names (Enter, Esc, Tab, Ctrl-C, ← →) are written as they are printed on keys.

screen-section-of = { $section } · { $noun } { $k } o { $n }
screen-indicator-of = Dangosydd { $n } o { $total }
screen-end-of = Diwedd · { $n ->
    [zero] dim dangosyddion
    [one] 1 dangosydd
    [two] 2 ddangosydd
   *[other] { $n } dangosydd
}
screen-clocks-long = { $here } ar hwn · { $all } yn y sesiwn
screen-clocks = { $here } · { $all } yn y sesiwn
screen-answered-short = { $m }/{ $n } wedi'u hateb
screen-rule-guidance = Cwestiynau a lefelau
screen-rule-answer = Ateb
screen-more-both = ↑↓ rhagor
screen-more-below = ↓ rhagor
screen-more-above = ↑ rhagor
screen-na = d/b
screen-na-long = d/b Ddim yn berthnasol
screen-evidence-none = dim eto (e i ysgrifennu)
screen-extra-none = dim eto (x i ysgrifennu)
screen-none-yet = dim eto
screen-actions = Camau gweithredu
screen-votes = Pleidleisiau
screen-n-voted = { $n ->
    [zero] neb wedi pleidleisio
   *[other] { $n } wedi pleidleisio
}
screen-spread = gwahaniaeth o { $spread }
screen-disagreed = Wedi cytuno i anghytuno
screen-agreed-to-disagree = wedi cytuno i anghytuno
screen-not-answered = heb ei ateb
screen-workshop-of = Gweithdy: { $groups }
screen-no-actions-then = Ni chytunwyd ar unrhyw gamau gweithredu.
screen-actions-then = { $n ->
    [one] Y cam gweithredu a gytunwyd bryd hynny:
    [two] Y 2 gam gweithredu a gytunwyd bryd hynny:
    [few] Y { $n } cham gweithredu a gytunwyd bryd hynny:
    [many] Y { $n } cham gweithredu a gytunwyd bryd hynny:
   *[other] Y { $n } cam gweithredu a gytunwyd bryd hynny:
}
screen-due = erbyn { $date }
screen-status-now = bellach: { $status }
screen-status-was = bryd hynny: { $status }
screen-key-level = lefel
screen-key-na = d/b
screen-key-skip = neidio
screen-key-back = yn ôl
screen-key-next = nesaf
screen-key-group = grŵp
screen-key-go-to = mynd i
screen-key-evidence = tystiolaeth
screen-key-extra = nodyn ychwanegol
screen-key-actions = camau
screen-key-vote = pleidlais
screen-key-details = manylion
screen-key-scroll = sgrolio
screen-key-help = help
screen-key-quit = cadw a gadael
screen-key-save-notes = cadw'r nodiadau
screen-key-new-line = llinell newydd
screen-key-own-editor = eich golygydd
screen-key-keep-draft = cadw'n ddrafft a stopio
screen-key-delete-it = ei ddileu
screen-any-other-key = unrhyw fysell arall
screen-key-keep-it = ei gadw
screen-key-move = symud
screen-key-change = newid
screen-key-add = ychwanegu
screen-key-delete = dileu
screen-key-phone-number = rhif y ffôn
screen-key-put-out = ei dynnu allan
screen-key-cancel = canslo
screen-key-how-many = faint
screen-key-counted = wedi gorffen, yna cytuno
screen-key-save-back = cadw ac yn ôl
screen-key-vote-again = ffonau'n pleidleisio eto
screen-key-keep-add = cadw ac ychwanegu
screen-key-put-out-phone = tynnu ffôn allan
screen-key-new-code = cod newydd
screen-key-agree = cytuno ar y lefel hon
screen-key-disagree = cytuno i anghytuno
screen-key-save-note = cadw'r nodyn
screen-key-next-field = maes nesaf
screen-key-save-details = cadw'r manylion
screen-key-save-stop = cadw a stopio
screen-key-change-status = newid y statws
screen-key-save-action = cadw'r cam
screen-key-go-there = mynd yno
screen-key-last-indicator = y dangosydd olaf
screen-key-finish = cadw a gorffen
screen-key-space = Bylchwr
screen-that-key = Y fysell honno
screen-title-change-action = Newid cam gweithredu { $n } ar gyfer { $id }
screen-title-new-action = Cam gweithredu newydd ar gyfer { $id }
screen-title-details = Manylion yr asesiad hwn
screen-title-disagree = Cytuno i anghytuno ar { $id }
screen-title-vote = Pleidlais ar { $id }
screen-title-actions = Camau gweithredu ar gyfer { $id }
screen-field-what = Beth fydd yn cael ei wneud
screen-field-owner = Pwy sy'n berchen arno
screen-field-due = Erbyn (BBBB-MM-DD)
screen-field-status = Statws
screen-field-note = Nodyn ar y cynnydd
screen-field-partnership = Partneriaeth
screen-field-date = Dyddiad
screen-field-taking-part = Yn cymryd rhan
screen-hint-date = BBBB-MM-DD, e.e. 2026-11-12
screen-hint-taking-part = enwau, gyda choma rhwng pob un
screen-scored-by = Wedi'i sgorio gan: { $who } (newidiwch hyn gyda --room, --group, --person neu --groups wrth ailddechrau)
screen-add-action = Ychwanegu cam gweithredu
screen-dont-know = ddim yn gwybod
screen-counted = { $n ->
    [one] 1 wedi'i gyfrif
   *[other] { $n } wedi'u cyfrif
}
screen-spread-levels = gwahaniaeth o { $spread } lefel
screen-talk-loud = ⚑ SIARADWCH AM HYN: mae'r farn yn amrywio'n fawr
screen-no-spread = dim gwahaniaeth eto
screen-phones = Ffonau
screen-phones-count = { $n ->
    [zero] neb wedi pleidleisio
   *[other] { $n } wedi pleidleisio
} (o'r { $joined } sydd wedi ymuno) · i'w gweld pan fydd y cyfrif wedi'i orffen
screen-vote-at = Pleidleisiwch ar
screen-code = cod
screen-code-hint = c: cod newydd, pob ffôn allan
screen-phones-none = dim pleidleisiau
screen-phones-in-record = { $n ->
    [one] Mae 1 bleidlais ar { $id }
    [two] Mae 2 bleidlais ar { $id }
    [many] Mae { $n } phleidlais ar { $id }
   *[other] Mae { $n } pleidlais ar { $id }
} yn y cofnod yn barod, { $when }. Mae'r ffonau'n aros nes i chi ddewis: r i bleidleisio eto (mae pleidleisiau'r rownd hon yn cymryd eu lle: mae'r un bobl yma) neu k i'w cadw ac ychwanegu pleidleisiau'r rownd hon (mae pobl eraill yn pleidleisio nawr).
screen-phones-from-earlier = o'r bleidlais gynharach arno
screen-phones-from-before = o'r cyfnod cyn y sesiwn hon (cyn i coprod stopio)
screen-phones-voted-before = Pleidleisiodd ffonau ar { $id } o'r blaen: r, maen nhw'n pleidleisio eto; k, cadw eu pleidleisiau ac ychwanegu. Gellir teipio cyfrif y cardiau yn y cyfamser.
screen-phones-new-code = Cod ymuno newydd { $code }: mae pob ffôn allan, ac mae eu pleidleisiau ar hwn wedi'u gollwng; mae pobl yn ymuno eto gyda'r cod newydd.
screen-phones-keep = { $n ->
    [one] Gall ffonau bleidleisio ar { $id }: mae'r 1 bleidlais gynharach yn cael ei chadw, ac mae pleidleisiau'r rownd hon yn cael eu hychwanegu.
   *[other] Gall ffonau bleidleisio ar { $id }: mae'r pleidleisiau cynharach ({ $n }) yn cael eu cadw, ac mae pleidleisiau'r rownd hon yn cael eu hychwanegu.
}
screen-phones-again = { $n ->
    [one] Mae'r ffonau'n pleidleisio eto ar { $id }: mae pleidleisiau ffôn y rownd hon yn cymryd lle'r 1 bleidlais gynharach (sy'n cael ei chadw nes i'r ffôn cyntaf bleidleisio).
   *[other] Mae'r ffonau'n pleidleisio eto ar { $id }: mae pleidleisiau ffôn y rownd hon yn cymryd lle'r pleidleisiau cynharach ({ $n }), sy'n cael eu cadw nes i'r ffôn cyntaf bleidleisio.
}
screen-put-out-ask = Tynnu ffôn allan, rhif: { $typed }_ (y rhif ar ei dudalen) · mae Enter yn ei dynnu allan · mae Esc yn canslo
screen-put-out-none = Ni thynnwyd unrhyw ffôn allan.
screen-put-out-how = Teipiwch y rhif sydd ar dudalen y ffôn, yna Enter; mae Esc yn canslo.
screen-put-out-done = Mae ffôn { $number } allan: mae ei bleidlais ar hwn wedi'i gollwng, ac mae ei dudalen yn dweud hynny wrtho.
screen-put-out-unknown = Does dim ffôn { $number } yn y bleidlais (efallai ei fod allan yn barod): gwiriwch y rhif ar ei dudalen; p i roi cynnig arall.
screen-help-title = Bysellau
screen-help-key-digits = digidau
screen-help-key-back = ← neu b
screen-help-key-clocks = clociau
screen-help-digits = dewis y lefel honno; mae'n cael ei chadw ar unwaith ac mae'r dangosydd nesaf yn ymddangos
screen-help-na = ddim yn berthnasol yma (yn cael ei adael allan o bob cyfartaledd)
screen-help-skip = neidio: ei adael heb ei ateb am y tro a symud ymlaen
screen-help-back = y dangosydd blaenorol
screen-help-next = y dangosydd nesaf (does dim yn cael ei gofnodi)
screen-help-go-to = mynd i unrhyw ddangosydd: y trosolwg, mae Enter yn mynd yno
screen-help-evidence = ysgrifennu nodiadau tystiolaeth (sawl llinell; mae Esc yn eu cadw; mae Ctrl-E yn eu hagor yn eich golygydd)
screen-help-extra = ysgrifennu'r nodyn “{ $label }” (sawl llinell; mae Esc yn ei gadw; mae Ctrl-E yn ei agor yn eich golygydd)
screen-help-vote = pleidlais: teipiwch faint ddewisodd bob lefel, gwelwch y gwahaniaeth, yna cytunwch ar lefel neu i anghytuno
screen-help-actions = y camau gweithredu: ychwanegu, newid (Enter), dileu (d); mae Esc yn cadw cam sy'n cael ei deipio
screen-help-details = y manylion: cywiro'r bartneriaeth, y dyddiad a phwy sy'n cymryd rhan
screen-help-scroll = sgrolio'r cwestiynau ac ystyr y lefelau (a'r help hwn, pan nad yw'n ffitio)
screen-help-tab = mewn gweithdy: lefel y grŵp nesaf
screen-help-help = yr help hwn; mae Esc neu ? yn ei gau
screen-help-clocks = ar y dde uchaf: amser ar y dangosydd hwn · amser yn y sesiwn gyfan
screen-help-quit = cadw a gadael; mae'r gorchymyn i barhau yn cael ei ddangos
screen-help-ctrl-c = cadw popeth, drafftiau hefyd, a stopio
screen-help-end = Mae pob ateb yn cael ei gadw yn y ffeil gofnod cyn gynted ag y caiff ei roi. Nid yw bysell sydd heb ystyr ar sgrin yn cofnodi dim, ac mae'n dweud hynny yma ar y gwaelod.
screen-all-answered = { $n ->
    [one] Mae'r unig ddangosydd wedi'i ateb.
   *[other] Mae pob un o'r { $n } dangosydd wedi'u hateb.
}
screen-end-title = Diwedd y fframwaith: { $m } o { $n } wedi'u hateb, { $missing } heb eu hateb eto.
screen-overview-title = Trosolwg: { $m } o { $n } wedi'u hateb. Mae Enter yn mynd i'r un sydd wedi'i farcio.
screen-next = Nesaf: { $command }
screen-carry-on-later = I barhau nes ymlaen: { $command }
screen-mark-evidence = tystiolaeth
screen-means-nothing = Does dim ystyr i { $key } yma; ni chofnodwyd dim.
screen-key-means-nothing = Does dim ystyr i'r fysell honno yma; ni chofnodwyd dim.
screen-enter-means-nothing = Does dim ystyr i Enter yma: teipiwch rif lefel i'w dewis.
screen-no-such-level = Does dim lefel { $level }.
screen-skipped = Wedi neidio dros { $id }; mae'n aros heb ei ateb am y tro.
screen-first = Dyma'r dangosydd cyntaf; does dim un o'i flaen.
screen-notes-draft = Dyma'r nodiadau oedd yn cael eu teipio pan stopiodd coprod; mae Esc yn eu cadw.
screen-notes-draft-for = Roedd y nodiadau hyn ar gyfer { $id } yn cael eu teipio pan stopiodd coprod; mae Esc yn eu cadw.
screen-extra-draft = Dyma'r nodyn oedd yn cael ei deipio pan stopiodd coprod; mae Esc yn ei gadw.
screen-extra-draft-for = Roedd y nodyn hwn ar gyfer { $id } yn cael ei deipio pan stopiodd coprod; mae Esc yn ei gadw.
screen-action-draft = Roedd y cam gweithredu hwn yn cael ei deipio o'r blaen; mae Esc yn ei gadw.
screen-action-draft-for = Roedd y cam gweithredu hwn ar gyfer { $id } yn cael ei deipio pan stopiodd coprod; mae Esc yn ei gadw.
screen-details-hint = Mae Tab yn symud rhwng y meysydd; mae Esc yn eu cadw.
screen-vote-hint = Teipiwch faint ddewisodd bob lefel; mae ↑ ↓ yn symud rhwng y lefelau; Enter pan fyddwch wedi gorffen.
screen-no-groups = Does dim ystyr i Tab yma: does gan y cofnod hwn ddim grwpiau.
screen-next-digit-or-enter = Teipiwch y digid nesaf, neu Enter ar gyfer lefel { $level }.
screen-next-digit = Teipiwch ddigid nesaf y lefel.
screen-off-scale = Does dim lefel { $level }: mae'r lefelau'n mynd o { $lo } i { $hi }. Ni chofnodwyd dim.
screen-saved-level = Wedi'i gadw: { $words } ar gyfer { $id }
screen-saved-level-group = Wedi'i gadw: { $words } ar gyfer { $id } ({ $group })
screen-saved-stay = { $saved }. Mae → yn mynd ymlaen i'r dangosydd nesaf.
screen-help-elsewhere = Mae'r help ar sgrin y dangosydd; mae Enter yn agor un.
screen-saved-evidence = Wedi cadw'r nodiadau tystiolaeth ar gyfer { $id }.
screen-saved-extra = Wedi cadw “{ $label }” ar gyfer { $id }.
screen-from-editor = Yn ôl o'ch golygydd: mae'r nodiadau fel y gadawodd ef nhw; mae Esc yn eu cadw.
screen-from-editor-extra = Yn ôl o'ch golygydd: mae'r nodyn fel y gadawodd ef; mae Esc yn ei gadw.
screen-deleted = Wedi dileu'r cam gweithredu “{ $what }”.
screen-not-deleted = Heb ei ddileu.
screen-delete-ask = Dileu'r cam gweithredu “{ $what }”? Mae y yn ei ddileu, mae unrhyw fysell arall yn ei gadw.
screen-nothing-to-delete = Does dim cam gweithredu ar y llinell hon i'w ddileu.
screen-count-too-big = Mae hynny'n fwy o bobl nag y gall cyfrif ei ddal.
screen-no-votes-phones = Dim pleidleisiau eto: teipiwch gyfrif y cardiau, neu arhoswch am y ffonau; mae Esc yn mynd yn ôl.
screen-no-votes = Dim pleidleisiau wedi'u teipio eto: teipiwch faint ddewisodd bob lefel, neu Esc.
screen-saved-vote = Wedi cadw'r bleidlais ar { $id }: { $n ->
    [one] 1 wedi'i gyfrif
   *[other] { $n } wedi'u cyfrif
}.
screen-far-apart = Mae'r farn yn amrywio'n fawr: siaradwch am hyn.
screen-now-agree = Nawr cytunwch ar lefel (ei rhif).
screen-now-agree-or-disagree = Nawr cytunwch ar lefel (ei rhif), neu d i gytuno i anghytuno.
screen-workshop-no-disagree = Mewn gweithdy mae pob grŵp yn rhoi ei lefel ei hun: gwasgwch ei rhif.
screen-disagree-ask = Beth yw'r safbwyntiau, a pham maen nhw'n wahanol? Mae Esc yn cadw'r nodyn.
screen-disagree-empty = Dim nodyn, felly ni chofnodwyd dim. Cytunwch ar lefel, neu d eto.
screen-saved-disagree = Wedi'i gadw: cytunodd yr ystafell i anghytuno ar { $id }.
screen-status-keys = Mae'r statws yn cael ei ddewis gyda ← a →; mae Tab yn mynd i'r maes nesaf.
screen-no-action = Ni theipiwyd dim, felly ni ychwanegwyd cam gweithredu.
screen-saved-action = Wedi cadw'r cam gweithredu ar gyfer { $id }.
screen-saved-action-early = Wedi cadw'r cam gweithredu ar gyfer { $id }. Sylwch: mae i fod erbyn { $due }, cyn dyddiad yr asesiad hwn ({ $date }); newidiwch ef os mai camgymeriad oedd hynny.
screen-action-needs-what = Mae angen i gam gweithredu ddweud beth fydd yn cael ei wneud.
screen-due-again = { $error }. Teipiwch ef fel 2027-03-31, neu gadewch ef yn wag.
screen-details-same = Ni newidiodd dim yn y manylion.
screen-details-saved = Wedi'i gadw: { $what }.
screen-details-left = Wedi'u gadael fel yr oedden nhw: { $fields }.
screen-no-name = Mae angen enw ar y bartneriaeth.
screen-date-again = { $error }. Teipiwch ef fel 2026-11-12.
screen-partnership-now = “{ $name }” yw'r bartneriaeth bellach
screen-date-now = { $date } yw'r dyddiad bellach
screen-named = { $n ->
    [zero] does neb wedi'i enwi fel un sy'n cymryd rhan
    [one] mae 1 person wedi'i enwi fel un sy'n cymryd rhan
   *[other] mae { $n } o bobl wedi'u henwi fel rhai sy'n cymryd rhan
}
screen-editor-unset = Does dim golygydd wedi'i osod (VISUAL neu EDITOR), felly mae'r nodiadau'n aros yma; ni chollwyd dim.
screen-editor-no-file = Methu gwneud ffeil ar gyfer eich golygydd ({ $why }); mae'r nodiadau'n aros yma.
screen-editor-no-write = Methu ysgrifennu'r nodiadau ar gyfer eich golygydd ({ $why }); maen nhw'n aros yma.
screen-editor-no-read = Methu darllen yn ôl beth gadwodd { $editor } ({ $why }); mae'r nodiadau fel yr oedden nhw.
screen-editor-no-start = Methu cychwyn eich golygydd `{ $editor }` ({ $why }); mae'r nodiadau'n aros yma, ni chollwyd dim.
screen-editor-lost = Wedi colli golwg ar eich golygydd ({ $why }); mae'r nodiadau fel yr oedden nhw.

## The languages the records were scored in (a summary line when they differ)

languages = Ieithoedd
languages-each = { $language } ({ $records })
languages-own = iaith y cofnodion: { $list }; iaith yr adroddiad hwn: { $language }, iaith y fframwaith ei hun (dewiswch un arall gyda --language)
languages-asked = iaith y cofnodion: { $list }; iaith yr adroddiad hwn: { $language }, fel y gofynnwyd
language-en = Saesneg
language-cy = Cymraeg

## Errors: what coprod says when something goes wrong (the plain-language parts; file names,
## values and coprod's own commands are put in as they are)

error-word = gwall
warning-word = rhybudd
help-word = awgrym
note-word = nodyn
error-more-not-shown = { $n ->
    [zero] … a 0 problem arall heb eu dangos
    [one] … ac 1 problem arall heb ei dangos
    [two] … a 2 broblem arall heb eu dangos
    [few] … a { $n } problem arall heb eu dangos
    [many] … a { $n } problem arall heb eu dangos
   *[other] … a { $n } o broblemau eraill heb eu dangos
}
error-problems-found = { $n ->
    [zero] Dim problemau
    [one] 1 problem wedi'i chanfod
    [two] 2 broblem wedi'u canfod
    [few] { $n } problem wedi'u canfod
    [many] { $n } problem wedi'u canfod
   *[other] { $n } o broblemau wedi'u canfod
}
io-not-found = does dim ffeil na ffolder o'r enw hwnnw
io-permission-denied = dim caniatâd
io-already-exists = mae'n bodoli'n barod
io-is-a-folder = ffolder yw hwn
io-not-a-folder = nid ffolder yw rhan o'r llwybr
io-disk-full = mae'r ddisg yn llawn
io-read-only = dim ond darllen y ddisg sy'n bosibl, nid ysgrifennu arni
io-invalid-data = nid yw'n destun y gall coprod ei ddarllen
error-cannot-read = methu darllen { $path }
error-cannot-read-stdin = methu darllen y mewnbwn safonol
error-a-folder = ffolder yw hwn, nid ffeil
error-a-folder-help = rhowch lwybr ffeil .yaml sydd ynddo
error-unknown-key = allwedd anhysbys `{ $key }`
error-unknown-key-label = nid yw coprod yn adnabod yr allwedd hon yma
error-unknown-key-did-you-mean = oeddech chi'n golygu `{ $key }`? Allweddi a ganiateir yma: { $list }
error-unknown-key-none-allowed = ni chaniateir unrhyw allweddi yma
error-unknown-key-allowed = allweddi a ganiateir yma: { $list }
error-missing-key = mae'r allwedd `{ $key }` ar goll
error-missing-key-label = mae angen `{ $key }` yn y mapio hwn
error-missing-key-help = ychwanegwch `{ $key }: ...`; mae `coprod framework schema framework` (neu `record`) yn dangos y siâp
error-duplicate-key = mae'r allwedd `{ $key }` yn ymddangos ddwywaith mewn un mapio
error-duplicate-key-label = yr ail dro
error-duplicate-key-help = cadwch un ohonyn nhw
error-unknown-value = nid yw `{ $value }` yn un o'r gwerthoedd a ganiateir
error-unknown-value-label = ni chaniateir hyn yma
error-unknown-value-did-you-mean = oeddech chi'n golygu `{ $value }`? Caniateir: { $list }
error-unknown-value-allowed = caniateir: { $list }
error-date-shape = nid yw `{ $date }` yn ddyddiad ar y ffurf BBBB-MM-DD
error-date-not-real = nid yw `{ $date }` yn ddyddiad go iawn (gwiriwch y diwrnod a'r mis)
error-date-label = nid yw'n ddyddiad dilys
error-date-help = ysgrifennwch ddyddiadau ar y ffurf BBBB-MM-DD, er enghraifft 2026-11-12
error-other-framework = cafodd y cofnod hwn ei sgorio ar y fframwaith `{ $record }`, nid `{ $framework }`
error-other-framework-label = y fframwaith a enwir yma
error-other-framework-help = rhowch y fframwaith cywir gyda `--framework PATH` (yr un â'r id `{ $record }`)
error-framework-reworded = mae ei eiriad wedi newid ers hynny, er mai { $version } yw'r fersiwn o hyd
error-framework-new-version = fersiwn { $then } oedd hi bryd hynny, a fersiwn { $now } yw hi nawr
error-framework-changed = mae'r fframwaith `{ $id }` wedi newid ers sgorio'r cofnod hwn: { $what }
error-framework-changed-label = mae'r cofnod yn cofio'r fframwaith hwn
error-framework-changed-help = os yw'r dangosyddion yn dal i olygu'r un peth, rhowch `--accept-changed-framework`; fel arall defnyddiwch y ffeil fframwaith y gwnaed y cofnod gyda hi
error-unknown-indicator = does gan y fframwaith ddim dangosydd `{ $id }`
error-unknown-indicator-label = dangosydd anhysbys
error-unknown-indicator-did-you-mean = oeddech chi'n golygu `{ $id }`? Mae `coprod framework show { $framework }` yn rhestru pob dangosydd
error-unknown-indicator-help = mae `coprod framework show { $framework }` yn rhestru pob dangosydd
error-answered-twice = mae'r dangosydd `{ $id }` wedi'i ateb ddwywaith
error-answered-twice-second = yr ail ateb
error-answered-twice-first = yr ateb cyntaf
error-answered-twice-first-earlier = yr ateb cyntaf, dan id cynharach `{ $id }`
error-answered-twice-help = cadwch un ateb i bob dangosydd
error-level-off-scale = nid yw lefel { $level } ar y raddfa ({ $lo } i { $hi })
error-level-off-scale-label = nid yw'n un o lefelau'r fframwaith hwn
error-level-off-scale-help = dewiswch un o: { $levels }, neu `n/a`
error-record-deleted = cafodd { $path } ei dileu neu ei symud ers i coprod ei chadw ddiwethaf, felly stopiodd coprod heb ysgrifennu drosti
error-record-created = cafodd { $path } ei chreu gan rywun arall ers i coprod gadw ddiwethaf, felly stopiodd coprod heb ysgrifennu drosti
error-record-changed = cafodd { $path } ei newid gan rywun arall ers i coprod ei chadw ddiwethaf, felly stopiodd coprod heb ysgrifennu drosti
error-record-open-here = mae { $path } ar agor mewn coprod arall ({ $who }), a byddai dau asesiad yn ysgrifennu un cofnod yn colli atebion
error-record-open-elsewhere = mae { $path } ar agor yn coprod ar gyfrifiadur arall ({ $who }), a byddai dau asesiad yn ysgrifennu un cofnod yn colli atebion
error-record-open-help = gorffennwch yr asesiad hwnnw yn gyntaf; os nad yw'n rhedeg mwyach (cafodd y cyfrifiadur ei ddiffodd), rhowch --force i gymryd y clo, neu dilëwch { $lock }
error-record-lock-unreadable = mae { $path } wedi'i chloi gan { $lock }, na all coprod ei darllen
error-record-lock-unreadable-help = os nad oes asesiad o'r cofnod hwn yn rhedeg, rhowch --force neu dilëwch { $lock }
error-record-lock-busy = mae rhaglen arall yn cloi ac yn datgloi { $path } yr eiliad hon
error-lock-holder = proses { $pid } ar { $host }
error-lock-holder-since = proses { $pid } ar { $host }, ers { $since }
error-try-again = rhowch gynnig arall arni
error-cannot-save = methu cadw { $what } yn { $path }; mae'r ffeil yn dal i gynnwys yr hyn a gadwyd o'r blaen
error-not-saved = { $why }. Heb ei gadw: { $what }
error-not-saved-help = edrychwch ar y ffeil i weld beth newidiodd; yna parhewch gyda `coprod assess --resume { $path }`
error-lost-details = y newid i fanylion y cofnod
error-lost-one = yr ateb i { $id }
error-lost-many = yr atebion i { $ids } a { $last }
error-lost-new-record = y cofnod newydd
error-no-terminal =
    Mae coprod assess yn gofyn cwestiynau, ond nid terfynell yw'r mewnbwn safonol, felly ni fydd yn aros am atebion.
    I lenwi cofnod heb gwestiynau, rhowch ffeil atebion:
      coprod assess --answers answers.yaml -o record.yaml
      coprod assess --answers answers.csv --partnership NAME --group parent-carers
    (mae angen y colofnau indicator,level ac, os mynnwch, evidence ar CSV). Gweler `coprod assess --help`.
error-interrupted-saved =
    wedi stopio; mae pob ateb hyd yma wedi'i gadw yn { $path }
    I barhau: { $resume }
error-interrupted-nothing-saved = wedi stopio cyn cadw dim
error-stopped = Wedi stopio.
error-stopped-saved =
    Wedi stopio. Mae pob ateb hyd yma wedi'i gadw.
    I barhau: { $resume }
error-terminal-stopped = stopiodd y derfynell weithio
error-group-not-simple = nid yw'r grŵp `{ $group }` yn id syml
error-group-not-simple-help = defnyddiwch eiriau llythrennau bach wedi'u cysylltu â `-`, e.e. `parent-carers`
error-unknown-group = nid yw `{ $group }` yn grŵp rhanddeiliaid y mae coprod yn ei adnabod; oeddech chi'n golygu `{ $suggestion }`?
error-unknown-group-help = grwpiau hysbys: { $known }; i ddefnyddio `{ $group }` fel y mae, enwch ef dan [groups] yn coprod.toml
error-group-twice = mae `{ $group }` wedi'i roi ddwywaith yn --groups
error-group-twice-help = rhestrwch bob grŵp unwaith, e.e. --groups parent-carers,health
error-workshop-one-group = mae angen o leiaf dau grŵp ar weithdy, a dim ond `{ $group }` y mae --groups yn ei enwi
error-workshop-one-group-help = ar gyfer un grŵp defnyddiwch --group { $group }; ar gyfer gweithdy rhestrwch ddau neu fwy, e.e. --groups parent-carers,health
error-not-a-language-tag = nid yw `{ $tag }` yn dag iaith
error-not-a-language-tag-help = defnyddiwch dag fel en-GB neu cy
error-not-written-in = nid yw'r fframwaith `{ $id }` wedi'i ysgrifennu yn `{ $tag }`
error-not-written-in-help = mae wedi'i ysgrifennu yn { $languages }; mae `coprod framework validate` yn rhestru'r hyn sydd dal ar goll o gyfieithiad

## Setting up a walk (coprod assess): the questions before the first indicator, what is said
## around them, and what is said when a record is filled from an answers file

setup-title = coprod assess: { $title } (fersiwn { $version }), { $n ->
    [one] 1 dangosydd
    [two] 2 ddangosydd
   *[other] { $n } dangosydd
}.
setup-partnership-from-one = Partneriaeth: { $name } (o'r cofnod cynharach; mae --partnership yn ei newid)
setup-partnership-from-many = Partneriaeth: { $name } (o'r cofnodion cynharach; mae --partnership yn ei newid)
setup-partnership = Enw'r bartneriaeth
setup-partnership-hint = Y bartneriaeth sy'n gwneud yr asesiad hwn, e.e. Partneriaeth ADY Dyffryn Hafren
setup-partnership-empty = Rhowch enw'r bartneriaeth, os gwelwch yn dda.
setup-date = Dyddiad yr asesiad (BBBB-MM-DD)
setup-date-again = { $error }. Rhowch gynnig arall, e.e. 2026-11-12.
setup-scoring-one = Yn sgorio: { $who } (fel yn y cofnod cynharach; mae --room, --group, --person neu --groups yn ei newid)
setup-scoring-many = Yn sgorio: { $who } (o'r cofnodion cynharach; mae --room, --group, --person neu --groups yn ei newid)
setup-who = Pwy sy'n sgorio?
setup-who-room = Yr ystafell gyfan, yn cytuno ar un sgôr
setup-who-group = Un grŵp rhanddeiliaid
setup-who-person = Un person
setup-their-name = Eu henw
setup-which-group = Pa grŵp rhanddeiliaid?
setup-no-group = Dim grŵp
who-workshop = Gweithdy: { $groups }
setup-save-as = Cadw'r cofnod fel
setup-save-as-hint = Ffeil YAML yn y ffolder hwn; mae'n cael ei chadw ar ôl pob ateb
setup-is-folder = Ffolder yw { $path }. Rhowch enw ffeil, os gwelwch yn dda.
setup-exists = Mae cofnod yn { $path } yn barod. Parhau ag ef yn lle dechrau eto?
setup-other-name = Felly dewiswch enw ffeil arall; mae'r cofnod sydd yno'n cael ei adael fel y mae.
setup-no-folder = Nid yw'r ffolder ar gyfer { $path } yn bodoli. Dewiswch enw arall, os gwelwch yn dda.
setup-retired = Wedi'u cadw er gwybodaeth, ac wedi'u gadael allan o'r sgoriau: yr atebion i { $ids }, nad ydyn nhw yn y fframwaith mwyach.
setup-partnership-changed = Newidiwyd y bartneriaeth o “{ $from }” i “{ $to }”.
setup-date-changed = Newidiwyd y dyddiad o { $from } i { $to }.
setup-scorer-kept = Cadwyd y sgoriwr fel { $who }: ni all cofnod newid rhwng gweithdy ac un sgoriwr, oherwydd mae ei lefelau'n cael eu cadw'n wahanol. Dechreuwch gofnod newydd ar gyfer hynny.
setup-scorer-changed = Newidiwyd y sgoriwr o { $from } i { $to }.
setup-saved = Wedi cadw { $path }: { $m } o { $n ->
    [one] 1 dangosydd
    [two] 2 ddangosydd
   *[other] { $n } dangosydd
} wedi'u hateb.
setup-no-dash-output = mae asesiad yn cadw ei gofnod ar ôl pob ateb, felly mae angen ffeil arno, nid `-o -`
setup-no-dash-output-help = rhowch enw ffeil gyda -o FILE; mae `-o -` yn ysgrifennu cofnod i'r allbwn safonol gyda --answers
setup-not-built-in = cafodd y cofnod ei sgorio ar y fframwaith `{ $id }`, nad yw'n un o fframweithiau coprod ei hun
setup-not-built-in-help = rhowch ei ffeil gyda `--framework PATH`
setup-from-other-framework = cafodd { $path } ei sgorio ar y fframwaith `{ $record }`, nid `{ $framework }`, felly does dim modd dilyn ei gamau gweithredu yma
setup-no-answers = does dim atebion yn y ffeil atebion
setup-no-answers-help = mae ffeil atebion YAML yn eu rhestru dan `answers:`; mae gan ffeil CSV res i bob dangosydd ar ôl y pennawd
setup-no-partnership = nid yw { $file } yn enwi'r bartneriaeth
setup-no-partnership-help = rhowch --partnership NAME, neu ychwanegwch `partnership:` at ffeil atebion YAML
setup-record-exists = mae { $path } yn bodoli'n barod, a dyw coprod byth yn ysgrifennu dros gofnod heb i chi ofyn
setup-record-exists-help = dewiswch enw arall gyda -o FILE, neu rhowch --force i gymryd ei le

## A vote in the plain walk: counting cards, and phones voting (--plain --vote). Typed commands:
## Enter, done (or the Welsh cau) to close, p and a number, c

vote-cards = Pleidlais ar { $id }: teipiwch faint o bobl a ddewisodd bob lefel (Enter am ddim).
vote-how-many = Faint ddewisodd { $what }
vote-dont-know = ddim yn gwybod
vote-a-number = Teipiwch nifer o bobl, fel 3 (0 am ddim).
vote-left = Gadawyd y bleidlais fel yr oedd.
vote-nothing = Ni chafodd unrhyw bleidlais ei chyfrif, felly ni chofnodwyd dim.
vote-saved = Wedi cadw'r bleidlais ar { $id }: { $total } wedi'u cyfrif.
vote-saved-spread = Wedi cadw'r bleidlais ar { $id }: { $total } wedi'u cyfrif, gwahaniaeth o { $spread } lefel.
vote-far-apart = Mae'r safbwyntiau'n bell oddi wrth ei gilydd: siaradwch am hyn.
vote-now-agree = Nawr dewiswch y lefel mae'r ystafell yn cytuno arni.
phones-group = Ffonau, { $group }
phones-no-group = Ffonau, dim grŵp wedi'i roi
phones-earlier-this = Mae { $n ->
    [one] 1 bleidlais ffôn
    [two] 2 bleidlais ffôn
    [many] { $n } phleidlais ffôn
   *[other] { $n } pleidlais ffôn
} ar { $id } yn y cofnod yn barod, o'r bleidlais gynharach arno. Beth nawr?
phones-earlier-before = Mae { $n ->
    [one] 1 bleidlais ffôn
    [two] 2 bleidlais ffôn
    [many] { $n } phleidlais ffôn
   *[other] { $n } pleidlais ffôn
} ar { $id } yn y cofnod yn barod, o cyn y sesiwn hon (cyn i coprod stopio). Beth nawr?
phones-again = y ffonau'n pleidleisio eto: pleidleisiau'r tro hwn yn cymryd eu lle (mae'r un bobl yma)
phones-keep = eu cadw ac ychwanegu pleidleisiau'r tro hwn (mae pobl eraill yn pleidleisio nawr)
phones-none-opened = Ni agorwyd pleidlais i'r ffonau; mae eu pleidleisiau cynharach yn aros.
phones-open = Gall ffonau bleidleisio ar { $id } nawr. Cyfeiriad: { $address }. Cod ymuno: { $code } (wedi'i sillafu { $spelled }).
phones-prompt = Ffonau'n pleidleisio: Enter i weld faint sydd wedi pleidleisio, cau (neu done) i gau'r bleidlais, p a rhif i dynnu ffôn allan, c am god newydd
phones-counts = { $voted } wedi pleidleisio, o'r { $joined } ffôn sydd wedi ymuno. Teipiwch cau pan fydd pawb wedi pleidleisio.
phones-new-code = Cod ymuno newydd { $code } (wedi'i sillafu { $spelled }): mae pob ffôn allan, ac mae eu pleidleisiau ar yr un hwn wedi'u gollwng; mae pobl yn ymuno eto gyda'r cod newydd.
phones-put-out = Mae ffôn { $n } allan: mae ei bleidlais ar yr un hwn wedi'i gollwng, ac mae ei dudalen yn dweud hynny wrtho.
phones-no-such = Does dim ffôn { $n } yn y bleidlais (efallai ei fod allan yn barod): gwiriwch y rhif ar ei dudalen.
phones-p-number = Teipiwch p a'r rhif sydd ar dudalen y ffôn, fel p 7.
phones-what = Gwasgwch Enter i weld faint sydd wedi pleidleisio, teipiwch cau (neu done) i gau'r bleidlais, p a rhif i dynnu ffôn allan, neu c am god newydd.
phones-closed = Mae pleidlais y ffonau ar { $id } wedi cau: { $n } wedi'u cyfrif o'r ffonau. Nawr y cardiau, i bobl heb ffôn.

## coprod framework show: the words around the framework's own texts

show-title = { $title } (fersiwn { $version })
show-edition = argraffiad: { $edition }
show-id = id: { $id }  ·  ôl bys: { $fingerprint }
show-source = Ffynhonnell: { $source }
show-extra-note = Yn cael ei nodi hefyd wrth bob dangosydd: { $label }
show-scale = Y raddfa
show-bands = Y bandiau
show-band = { $min } i { $max }  { $label }
show-section = { $noun } { $n } o { $count }: { $title }
show-indicator = { $id } ({ $n } o { $total })  { $statement }
show-was = (gynt { $ids })

## The phone pages (coprod assess --vote): in the language the phone shows the questions in

phone-join-title = Ymuno â'r bleidlais
phone-join-heading = Pleidleisio o'ch ffôn
phone-private = Mae eich pleidlais yn breifat: mae'r ystafell yn gweld faint o bobl a ddewisodd bob lefel, byth pwy a ddewisodd beth. Does dim byd amdanoch chi na'ch ffôn yn cael ei gadw.
phone-code = Cod ymuno
phone-code-hint = (ar y sgrin yn y blaen)
phone-which-group = Ym mha grŵp ydych chi?
phone-group-hint = (does dim rhaid i chi ddweud)
phone-rather-not = Byddai'n well gen i beidio â dweud
phone-join = Ymuno
phone-saved = Mae eich pleidlais wedi'i chadw: { $what }. Gallwch ei newid nes i'r bleidlais gau.
phone-your-vote = Eich pleidlais: { $what }. Gallwch ei newid nes i'r bleidlais gau.
phone-not-voted = Dydych chi ddim wedi pleidleisio ar yr un hwn eto.
phone-waiting = Yn aros am y bleidlais nesaf
phone-none-open = Does dim pleidlais ar agor ar hyn o bryd. Pan fydd yr hwylusydd yn agor un, bydd yn ymddangos yma.
phone-check-again = Gwirio eto
phone-vote-on = Pleidleisio ar { $id }
phone-choose = Dewiswch y lefel sy'n gweddu orau yn eich barn chi
phone-na = Ddim yn berthnasol
phone-na-meaning = Nid yw hyn yn berthnasol i'n partneriaeth ni.
phone-dk = Ddim yn gwybod
phone-dk-meaning = Alla i ddim dweud.
phone-number = Chi yw ffôn { $n }.
phone-joined-as = Fe wnaethoch chi ymuno fel: { $group }.
phone-language = Iaith y cwestiynau:
phone-out-title = Cawsoch eich tynnu allan o'r bleidlais
phone-out-text = Tynnodd yr hwylusydd y ffôn hwn allan o'r bleidlais. Ni all bleidleisio nawr, ac ni chafodd ei bleidlais ar y cwestiwn a oedd ar agor ei chyfrif.
phone-out-ask = Os dylech chi fod yn pleidleisio, gofynnwch i'r hwylusydd. Yna ymunwch eto gyda'r cod ar y sgrin yn y blaen.
phone-join-again = Ymuno eto
phone-back = Yn ôl i'r dechrau
phone-too-many-votes-title = Gormod o bleidleisiau
phone-too-many-votes = Gormod o bleidleisiau o'r ffôn hwn: arhoswch ychydig eiliadau, yna pwyswch eich dewis eto.
phone-not-here-title = Dim byd yma
phone-not-here = Does dim tudalen o'r fath. Mae'r bleidlais yn y cyfeiriad ar y sgrin yn y blaen.
phone-too-many-tries-title = Gormod o gynigion
phone-too-many-tries = Roedd y cod yn anghywir ormod o weithiau. Arhoswch funud, yna rhowch gynnig arall gyda'r cod ar y sgrin.
phone-wrong-code = Nid dyna'r cod ymuno. Gwiriwch y cod ar y sgrin yn y blaen a'i deipio eto.
phone-unknown-group = Dewiswch un o'r grwpiau a restrir, neu “Byddai'n well gen i beidio â dweud”.
phone-full = Mae'r bleidlais yn llawn: ni all rhagor o ffonau ymuno.
phone-not-joined = Nid yw'r ffôn hwn wedi ymuno: agorwch y cyfeiriad ar y sgrin a theipiwch y cod.
phone-not-understood = Ni ddeallwyd y bleidlais honno. Pwyswch un o'r dewisiadau.
phone-put-out = Tynnodd yr hwylusydd y ffôn hwn allan o'r bleidlais, felly ni chafodd eich dewis ei gyfrif. Os dylech chi fod yn pleidleisio, gofynnwch i'r hwylusydd, yna ymunwch eto gyda'r cod ar y sgrin.
phone-wrong-key = Ni ddaeth y bleidlais hon o dudalen y ffôn hwn ei hun. Pwyswch eich dewis eto.
phone-closed = Mae'r bleidlais honno wedi cau, felly ni chafodd eich dewis ei gyfrif.
phone-not-on-scale = Nid yw hynny'n un o'r lefelau. Pwyswch un o'r dewisiadau.
phone-not-saved-yet = Nid yw eich pleidlais wedi'i chadw eto. Pwyswch eich dewis eto, os gwelwch yn dda.
phone-other-site = Ni ddaeth y ffurflen hon o dudalen y bleidlais ei hun.
phone-wrong-method = Nid dyna sut mae defnyddio'r dudalen hon.
phone-not-taken = Ni dderbyniwyd eich pleidlais. Rhowch gynnig arall, os gwelwch yn dda.
phone-retrying = Heb ei hanfon eto — yn rhoi cynnig arall…
phone-retrying-long = Heb ei hanfon eto — gwiriwch fod y ffôn hwn ar rwydwaith yr ystafell. Yn rhoi cynnig arall…
phone-sending = Yn anfon…

## The rest of the plain walk: the details, "you said, we did", changing an action, and the
## plain prompts' own words

details-partnership = Partneriaeth
details-date-again = { $error }. Teipiwch ef fel 2026-11-12.
details-participants = Pwy sy'n cymryd rhan (enwau rhwng comas, - am neb)
details-kept = Gadawyd y manylion fel yr oedden nhw.
details-no-partnership = Mae angen enw ar y bartneriaeth.
details-unchanged = Ni newidiodd dim yn y manylion.
details-saved = Wedi cadw: { $changes }.
details-partnership-now = y bartneriaeth bellach yw “{ $name }”
details-date-now = y dyddiad bellach yw { $date }
details-people = { $n ->
    [0] does neb wedi'i enwi'n cymryd rhan
    [one] mae 1 person wedi'i enwi'n cymryd rhan
   *[other] mae { $n } o bobl wedi'u henwi'n cymryd rhan
}
carry-intro = Dywedoch chi, gwnaethon ni: cytunwyd ar { $n ->
    [one] 1 cam gweithredu
    [two] 2 gam gweithredu
    [few] { $n } cham gweithredu
    [many] { $n } cham gweithredu
   *[other] { $n } cam gweithredu
} ar { $date }. Ble mae pob un wedi cyrraedd?
carry-action = Cam gweithredu { $n } o { $total }
carry-overdue = (yn hwyr)
carry-last-time = Y tro diwethaf: { $status }
carry-status = Statws nawr
carry-kept = Wedi'i gadw fel yr oedd.
carry-note = Nodyn am y cynnydd (dewisol)
actions-none = Does gan { $id } ddim camau gweithredu eto; mae rhai newydd yn cael eu hychwanegu ar ôl ei lefel.
actions-another = Newid neu ddileu un arall o'r { $actions } ar gyfer { $id }?
actions-which = Pa gam gweithredu?
actions-what-to-do = Beth i'w wneud ag ef?
actions-change = Newid beth, pwy sy'n berchen arno neu'r dyddiad erbyn
actions-status = Newid ble mae wedi cyrraedd (ei statws)
actions-delete = Ei ddileu
actions-saved-status = Wedi cadw: statws y cam gweithredu nawr yw { $status }.
actions-delete-question = Dileu'r cam gweithredu “{ $what }”?
actions-deleted = Wedi'i ddileu.
actions-not-deleted = Heb ei ddileu.
prompt-not-a-choice = Nid yw “{ $answer }” yn un o'r dewisiadau.
prompt-type-one-of = Teipiwch un o: { $keys }.
prompt-hint-number = I ddewis { $n }, teipiwch y rhif { $n }.
prompt-hint-na = Am ddim yn berthnasol, teipiwch n.
prompt-hint-not-yes-no = Nid cwestiwn ie neu na yw hwn.
prompt-editor = { $question }: teipiwch neu gludwch y testun, yna llinell gyda dim ond . ynddi i orffen.
prompt-editor-replaces = (Mae'r testun presennol yn cael ei ddisodli. Teipiwch . yn unig i'w gadw.)
prompt-fancy-help = ↑↓ symud · Enter dewis · teipiwch i hidlo · Esc yn ôl · Ctrl-C cadw a stopio
prompt-yes = Ie
prompt-no = Na

## Phone votes kept beside a record (NAME.votes) while they pour in

error-journal-help = mae { $path } yn cynnwys pleidleisiau ffôn a gadwodd coprod wrth ymyl y cofnod; os yw wedi'i difrodi, symudwch hi i rywle arall ac mae coprod yn parhau heb y pleidleisiau hynny
error-journal-header = nid ffeil o bleidleisiau ffôn a ysgrifennodd coprod yw hon
error-journal-line = nid oes modd darllen y llinell hon o bleidleisiau ffôn: { $why }
error-journal-not-phones = mae'r llinell hon yn cynnwys pleidleisiau nad ydynt o ffonau, ac nid yw coprod byth yn ysgrifennu'r rheini yma
error-journal-no-answer = pleidleisiau ffôn ar gyfer { $id } yw'r rhain, ond nid oes gan y cofnod ateb iddo
record-journal-applied = { $n ->
    [one] Mae'r pleidleisiau ffôn ar 1 dangosydd
   *[other] Mae'r pleidleisiau ffôn ar { $n } dangosydd
} a gadwyd wrth ymyl { $path } pan stopiodd coprod ddiwethaf bellach yn y cofnod.
record-journal-unused = Mae { $unused } yn cynnwys pleidleisiau ffôn ar gyfer fersiwn gynharach o { $path }, felly ni chawsant eu hychwanegu; mae'r ffeil yn cael ei chadw rhag ofn bod pleidleisiau ar goll.
report-journal-counted = mae { $journal } yn cynnwys pleidleisiau ffôn nad ydynt eto yn { $path } (stopiodd ei asesiad yn ystod pleidlais); maen nhw'n cael eu cyfrif yma. Mae `coprod assess --resume { $path }` yn eu hysgrifennu i'r cofnod.
