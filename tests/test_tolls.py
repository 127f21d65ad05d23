"""How claims combine into one event's toll (tolls.py): which figures join, which stay out."""
from __future__ import annotations

from sitrep.counts import CountMention, summarise
from sitrep.record import Claim, EventDate, Span, Time
from sitrep.tolls import lone_self_deaths, on_its_day, partitives, tally


def _cm(kind, count, start, sentence, source=None, victims=None, **flags) -> CountMention:
    end = start + 5
    claim = Claim(count=count, low=count, high=count, victims=victims, source=source,
                  evidence=Span(start=start, end=end))
    return CountMention(kind, claim, (start, end), sentence, (start, end), **flags)


def _best(counts, kind="killed"):
    claims = tally(counts, kind)
    return summarise(claims).best if claims else None


def test_an_unborn_child_is_not_counted_among_the_dead():
    # "Gunmen killed four adults and an unborn child at the party."
    counts = [_cm("killed", 4, 14, (0, 60), victims="four adults"),
              _cm("killed", 1, 30, (0, 60), victims="an unborn child", implied=True)]
    assert _best(counts) == 4


def test_a_killer_shot_by_police_joins_every_claimant_toll():
    # "The sheriff said two guards and the gunman are dead. The prosecutor said the inmate killed two guards."
    counts = [_cm("killed", 2, 20, (0, 60), source="sheriff", victims="guards"),
              _cm("killed", 1, 35, (0, 60), source="sheriff", victims="the gunman", implied=True, perpetrator=True),
              _cm("killed", 2, 90, (62, 120), source="prosecutor", victims="guards")]
    assert _best(counts) == 3


def test_the_killer_dies_once_however_many_claimants_tell_it():
    counts = [_cm("killed", 2, 20, (0, 60), source="sheriff", victims="guards"),
              _cm("killed", 1, 35, (0, 60), source="sheriff", victims="the gunman", implied=True, perpetrator=True),
              _cm("killed", 2, 90, (62, 120), source="police", victims="guards"),
              _cm("killed", 1, 105, (62, 120), source="police", victims="the suspect", implied=True, perpetrator=True)]
    assert _best(counts) == 3


_TEEN = "Teen fatally shot at home. A 15-year-old who fatally shot himself while cleaning a rifle was named."


def test_a_lone_self_inflicted_death_is_the_victim_not_one_more():
    counts = [_cm("killed", 1, 0, (0, 26), victims="Teen", implied=True, headline=True),
              _cm("killed", 1, 56, (27, 98), own=True, also=True)]
    kept = lone_self_deaths(counts, _TEEN)
    assert [cm.own for cm in kept] == [False]
    assert _best(kept) == 1


def test_a_murder_suicide_keeps_the_killer_own_death():
    text = "Woman killed at home. Police said her husband killed her and then turned the gun on himself."
    counts = [_cm("killed", 1, 0, (0, 21), victims="Woman", implied=True),
              _cm("killed", 1, 70, (22, 94), own=True, also=True)]
    assert lone_self_deaths(counts, text) == counts


def test_a_self_inflicted_death_beside_other_victims_in_its_sentence_stays():
    text = "Two dead in a home. He shot his wife and a neighbor, then shot himself, police said."
    counts = [_cm("killed", 1, 0, (0, 19), victims="Two", implied=False),
              _cm("shot", 1, 31, (20, 84), victims="his wife", implied=True),
              _cm("killed", 1, 58, (20, 84), own=True, also=True)]
    assert lone_self_deaths(counts, text) == counts


def _time(start, value, precision="day"):
    return Time(start=start, end=start + 8, text="x", value=value, precision=precision, resolved=True)


def _on(value):
    return EventDate(text="Friday", value=value, precision="day", evidence=Span(start=0, end=6))


def test_a_death_told_beside_an_earlier_date_is_another_shooting():
    # "Four men were shot Friday. On March 2, a boy was fatally shot on the same block."
    counts = [_cm("shot", 4, 0, (0, 26)), _cm("killed", 1, 40, (27, 80), implied=True),
              _cm("shot", 1, 50, (27, 80), implied=True)]
    times = [_time(19, "2024-03-15"), _time(30, "2024-03-02")]
    kept = on_its_day(counts, times, _on("2024-03-15"))
    assert [(cm.kind, cm.count) for cm in kept] == [("shot", 4)]


def test_a_death_told_days_after_the_shooting_stays():
    # "A man was shot Friday. He died of his wounds on Sunday."
    counts = [_cm("shot", 1, 0, (0, 22), implied=True), _cm("killed", 1, 23, (23, 55), implied=True)]
    times = [_time(15, "2024-03-15"), _time(47, "2024-03-17")]
    assert on_its_day(counts, times, _on("2024-03-15")) == counts


def test_a_date_a_day_or_two_before_stays_with_the_event():
    # dated by Sunday's arrest, the shooting told "late Friday" is still the event's
    counts = [_cm("killed", 1, 23, (23, 55), implied=True)]
    times = [_time(40, "2024-03-15")]
    assert on_its_day(counts, times, _on("2024-03-17")) == counts


def test_the_dead_go_to_the_shooting_not_the_arrest(extract_doc):
    text = ("A 19-year-old man shot his roommate inside an apartment in Tulsa on Friday, police said.\n\n"
            "Officers arrested the man later that night at a relative's home across town, and he was "
            "booked into the county jail after hours of questioning by detectives.\n\n"
            "Paramedics pronounced the victim dead at the scene.")
    events = extract_doc(text, published="2024-03-16").events
    shooting = next(e for e in events if e.type == "ASSAULT")
    assert shooting.fatalities is not None and shooting.fatalities.best == 1
    assert all(e.fatalities is None for e in events if e.acled and e.acled.sub_event_type == "Arrests")


def test_one_victim_told_under_two_verbs_of_a_sentence_is_one_death():
    # "The man charged in the killing of a teen wept after his friend died."
    counts = [_cm("killed", 1, 30, (0, 80), victims="a teen", implied=True),
              _cm("killed", 1, 55, (0, 80), victims="his friend", implied=True)]
    assert _best(counts) == 1


def test_victims_sharing_one_verb_are_each_one_more():
    # "A man and a woman were killed." -- both victims of the one verb
    a = _cm("killed", 1, 0, (0, 40), victims="A man", implied=True)
    b = _cm("killed", 1, 12, (0, 40), victims="a woman", implied=True)
    b.trigger = a.trigger = (24, 30)
    assert _best([a, b]) == 2


def test_the_whole_a_victim_is_taken_from_is_not_the_toll():
    # "One of the two guards shot at the gate has died."
    counts = [_cm("killed", 1, 0, (0, 60), victims="the two guards"),
              _cm("killed", 2, 11, (0, 60), victims="guards")]
    assert _best(counts) == 1


def test_one_taken_out_of_a_larger_toll_is_a_part_not_a_claimant():
    # "Police said 13 people were killed. The mayor said one of those killed was a nurse."
    text = "Police said 13 people were killed. The mayor said one of those killed was a nurse."
    whole = _cm("killed", 13, 12, (0, 34), source="Police", victims="people")
    part = _cm("killed", 1, 50, (35, 82), source="mayor", victims="those killed")
    whole.number_span, part.number_span = (12, 14), (50, 53)
    marked = partitives([whole, part], text)
    assert [m.part for m in marked] == [False, True]
    assert _best(marked) == 13


def test_one_taken_out_of_a_figure_told_alone_stays_the_toll():
    # "One of the two guards shot at the gate has died."
    text = "One of the two guards shot at the gate has died."
    one = _cm("killed", 1, 0, (0, 48), victims="the two guards")
    two = _cm("killed", 2, 11, (0, 48), victims="guards")
    one.number_span, two.number_span = (0, 3), (11, 14)
    assert _best(partitives([one, two], text)) == 1


def test_the_shot_less_the_dead_their_own_claimant_tells():
    from sitrep.tolls import injured
    # "5 shot, 1 fatally, police say ... a spokeswoman said one man died and another was killed"
    counts = [_cm("shot", 5, 0, (0, 40), source="police", victims="5"),
              _cm("killed", 1, 10, (0, 40), source="police"),
              _cm("killed", 2, 60, (41, 100), source="spokeswoman", victims="two men")]
    assert summarise(injured(counts)).best == 4


def test_a_whole_group_beside_a_larger_figure_is_a_part():
    from sitrep.tolls import injured
    # "Five were wounded, police said. Both women were in fair condition, a spokesman said."
    counts = [_cm("injured", 5, 0, (0, 40), source="police", victims="five"),
              _cm("injured", 2, 50, (41, 100), source="spokesman", victims="women", group=True)]
    assert summarise(injured(counts)).best == 5


def test_a_figure_told_by_the_state_of_the_hurt_is_a_floor():
    from sitrep.tolls import injured
    # "A man was shot on Elm Street. Two remain in critical condition."
    counts = [_cm("shot", 1, 0, (0, 29), victims="A man", implied=True),
              _cm("injured", 2, 30, (30, 63), status=True)]
    assert summarise(injured(counts)).best == 2
    # "Five people were shot on Elm Street. Two remain in critical condition."
    counts = [_cm("shot", 5, 0, (0, 29), victims="people"),
              _cm("injured", 2, 40, (30, 63), status=True)]
    assert summarise(injured(counts)).best == 5
