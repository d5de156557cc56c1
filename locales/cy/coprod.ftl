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
