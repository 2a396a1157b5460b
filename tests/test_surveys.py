"""Satisfaction surveys: Jingyun's four dimensions (JW-21) feeding its customer-satisfaction
criterion (JW-06, 25 points), the Taobao shop's callback satisfaction (TB-29, 30 points);
responses checked against the survey, means per dimension, and points that never exceed
the criterion's maximum and never fall when a score rises."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from fractions import Fraction

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import servicecodex as sc
from servicecodex._surveys import Survey, SurveyDimension, SurveyError, SurveyResponse

TZ = "Asia/Shanghai"
CAL = sc.BusinessCalendar(TZ, "CN")
MARCH = sc.Month(2026, 3)
JW = sc.Source("000 篇2")
TB = sc.Source("002")


def hant(en: str, zh: str) -> sc.Text:
    return sc.Text(en=en, zh_Hant=zh)


def at(y: int, m: int, d: int, hour: int = 15, minute: int = 0, tz: str = TZ) -> pendulum.DateTime:
    return pendulum.datetime(y, m, d, hour, minute, tz=tz)


#: JW-21: 篇2 第十條's four items.
JINGYUN = Survey(
    [
        SurveyDimension("staff", hant("Satisfaction with the CS staff", "客服人員")),
        SurveyDimension("process", hant("Satisfaction with the service process", "服務流程")),
        SurveyDimension("quality", hant("Products and service quality", "產品和服務質量")),
        SurveyDimension("brand", hant("Brand image", "品牌形象")),
    ],
    JW("JW-21", "第十條"),
    criterion="customer-satisfaction",
)
#: TB-29: customer callback satisfaction, one question.
TAOBAO = Survey(
    [SurveyDimension("callback", hant("Callback satisfaction", "回訪滿意度"))],
    TB("TB-29", "P3b (c)"),
    criterion="callback-satisfaction",
)
CUSTOMER_SATISFACTION = sc.Criterion(
    "customer-satisfaction",
    hant("Customer satisfaction", "客戶滿意度"),
    25,
    sc.Citation("JW-06", "000 篇1 第十四條.4"),
)
CALLBACK_SATISFACTION = sc.Criterion(
    "callback-satisfaction",
    hant("Customer callback satisfaction", "客戶回訪滿意度"),
    30,
    TB("TB-29", "P3b (c)"),
)


def jw(rid: str, agent: str, moment: pendulum.DateTime, *scores: int) -> SurveyResponse:
    return JINGYUN.response(
        rid,
        agent,
        f"C-{rid}",
        moment,
        dict(zip(("staff", "process", "quality", "brand"), scores, strict=True)),
    )


def march_responses() -> list[SurveyResponse]:
    return [
        jw("S-01", "A-017", at(2026, 3, 2), 5, 5, 4, 5),
        jw("S-02", "A-017", at(2026, 3, 9), 4, 4, 4, 5),
        jw("S-03", "A-017", at(2026, 3, 20), 5, 3, 4, 4),
        jw("S-04", "A-022", at(2026, 3, 20), 2, 2, 3, 3),  # another agent
        jw("S-05", "A-017", at(2026, 2, 27), 1, 1, 1, 1),  # February
    ]


def test_jingyun_march() -> None:
    result = JINGYUN.summarise(march_responses(), "A-017", MARCH, CAL)
    assert result.count == 3
    assert dict(result.means) == {
        "staff": Decimal("4.67"),
        "process": Decimal("4.00"),
        "quality": Decimal("4.00"),
        "brand": Decimal("4.67"),
    }
    # 52 points over 12 answers
    assert result.overall == Decimal("4.33")
    assert result.share == Fraction(52 - 12, 12 * 4)
    assert result.explain("en") == [
        "Satisfaction with A-017 in March 2026: mean 4.33 on a scale of 1 to 5, from 3 responses (JW-21)",
        "Satisfaction with the CS staff: mean 4.67 of 3 responses (JW-21)",
        "Satisfaction with the service process: mean 4 of 3 responses (JW-21)",
        "Products and service quality: mean 4 of 3 responses (JW-21)",
        "Brand image: mean 4.67 of 3 responses (JW-21)",
    ]
    # 40/48 of 25 points = 20.8333… -> 20.83
    assert result.points(CUSTOMER_SATISFACTION) == Decimal("20.83")
    assert result.conversion(CUSTOMER_SATISFACTION).explain("en") == [
        "Customer satisfaction: mean 4.33 on a scale of 1 to 5 is 83.33% of 25 points = 20.83 "
        "(rounded half-up to 0.01) (JW-21)"
    ]


def test_one_response_is_counted_in_the_singular() -> None:
    result = JINGYUN.summarise(march_responses()[:1], "A-017", MARCH, CAL)
    assert result.count == 1
    said = result.explain("en")
    assert said[0].endswith("from 1 response (JW-21)")
    assert said[1].endswith("of 1 response (JW-21)")
    assert result.explain("zh_Hans")[1].startswith("客服人员：1份回复平均")


def test_taobao_callback_satisfaction() -> None:
    scores = (5, 4, 4, 4, 4)  # mean 4.2: 80% of the 1-to-5 scale
    responses = [
        TAOBAO.response(f"R-{i}", "xiaomei", f"buyer-{i}", at(2026, 3, 3 + i), {"callback": s})
        for i, s in enumerate(scores)
    ]
    result = TAOBAO.summarise(responses, "xiaomei", MARCH, TZ)
    assert result.overall == Decimal("4.20")
    assert result.points(CALLBACK_SATISFACTION) == Decimal("24.00")
    assert result.conversion(CALLBACK_SATISFACTION).explain("en") == [
        "Customer callback satisfaction: mean 4.2 on a scale of 1 to 5 is 80% of 30 points "
        "= 24.00 (rounded half-up to 0.01) (TB-29)"
    ]
    # 80% of a 20-point criterion is 16.00
    twenty = sc.Criterion("callback-satisfaction", hant("Callback", "回訪"), 20, TB("TB-29", "x"))
    assert result.points(twenty) == Decimal("16.00")


def test_half_a_cent_rounds_up() -> None:
    # one response of 3 and one of 4 on 1–5: mean 3.5, share 62.5%; of 25 points 15.625
    responses = [
        JINGYUN.response(
            "a",
            "A-1",
            "c1",
            at(2026, 3, 1),
            dict.fromkeys(("staff", "process", "quality", "brand"), 3),
        ),
        JINGYUN.response(
            "b",
            "A-1",
            "c2",
            at(2026, 3, 2),
            dict.fromkeys(("staff", "process", "quality", "brand"), 4),
        ),
    ]
    result = JINGYUN.summarise(responses, "A-1", MARCH, TZ)
    assert result.points(CUSTOMER_SATISFACTION) == Decimal("15.63")


def test_the_points_feed_the_plugins_appraisals() -> None:
    jingyun = sc.Organization.load("jingyun-warehouse").appraisal_scheme
    result = JINGYUN.summarise(march_responses(), "A-017", MARCH, CAL)
    criterion = JINGYUN.criterion_in(jingyun)
    assert criterion.max_points == 25
    points = {c.id: 20 for c in jingyun.criteria} | {criterion.id: result.points(criterion)}
    card = jingyun.score("A-017", MARCH, points)
    assert card.total == Decimal("80.83")

    taobao = sc.Organization.load("taobao-shop").appraisal_scheme
    responses = [
        TAOBAO.response("R-1", "xiaomei", "buyer-1", at(2026, 3, 5), {"callback": 5}),
        TAOBAO.response("R-2", "xiaomei", "buyer-2", at(2026, 3, 6), {"callback": 4}),
    ]
    callback = TAOBAO.summarise(responses, "xiaomei", MARCH, CAL)
    criterion = TAOBAO.criterion_in(taobao)
    assert callback.points(criterion) == Decimal("26.25")  # 87.5% of 30
    card = taobao.score(
        "xiaomei",
        MARCH,
        {
            "team-task": 25,
            "handover": 15,
            "callback-satisfaction": callback.points(criterion),
            "professional-quality": 15,
        },
    )
    assert card.total == Decimal("81.25")
    assert card.passed


def test_the_period_is_counted_in_the_organisations_days() -> None:
    # 00:30 on 1 April in Shanghai is 16:30 on 31 March in UTC
    moment = pendulum.datetime(2026, 3, 31, 16, 30, tz="UTC")
    response = TAOBAO.response("R-1", "xiaomei", "buyer", moment, {"callback": 5})
    assert TAOBAO.summarise([response], "xiaomei", MARCH, CAL).count == 0
    assert TAOBAO.summarise([response], "xiaomei", sc.Month(2026, 4), CAL).count == 1
    assert TAOBAO.summarise([response], "xiaomei", MARCH, "UTC").count == 1
    week = sc.DateRange(pendulum.date(2026, 3, 30), pendulum.date(2026, 4, 5))
    assert TAOBAO.summarise([response], "xiaomei", week, CAL).count == 1


def test_no_responses_is_said_not_zero() -> None:
    result = JINGYUN.summarise(march_responses(), "A-099", MARCH, CAL)
    assert (result.count, result.overall, result.share, dict(result.means)) == (0, None, None, {})
    assert result.explain("en") == ["No survey responses about A-099 in March 2026 (JW-21)"]
    with pytest.raises(SurveyError, match="no survey responses about A-099 in March 2026"):
        result.points(CUSTOMER_SATISFACTION)
    assert JINGYUN.summarise([], "A-017", MARCH, CAL).count == 0


# -- bad input ----------------------------------------------------------------------------


def test_unknown_dimension() -> None:
    with pytest.raises(
        SurveyError, match=r"unknown dimension; known: staff, process, quality, brand \(JW-21\)"
    ):
        JINGYUN.response(
            "S-1",
            "A-1",
            "C-1",
            at(2026, 3, 1),
            {"staff": 5, "process": 5, "quality": 5, "brand": 5, "price": 4},
        )


@pytest.mark.parametrize("score", [0, 6, -1])
def test_score_off_the_scale(score: int) -> None:
    with pytest.raises(SurveyError, match=r"outside the scale of 1 to 5 \(JW-21\)") as caught:
        jw("S-1", "A-1", at(2026, 3, 1), 5, score, 5, 5)
    assert caught.value.field == "SurveyResponse.scores[process]"
    assert isinstance(caught.value, sc.ValidationError)


def test_missing_dimension() -> None:
    with pytest.raises(SurveyError, match=r"gives no score for quality, brand \(JW-21\)"):
        JINGYUN.response("S-1", "A-1", "C-1", at(2026, 3, 1), {"staff": 5, "process": 4})


def test_scores_are_whole_numbers() -> None:
    with pytest.raises(sc.FloatError):
        SurveyResponse("S-1", "A-1", "C-1", at(2026, 3, 1), {"callback": 4.5})
    with pytest.raises(sc.ValidationError, match="whole number"):
        SurveyResponse("S-1", "A-1", "C-1", at(2026, 3, 1), {"callback": True})
    with pytest.raises(sc.ValidationError, match="whole number"):
        SurveyResponse("S-1", "A-1", "C-1", at(2026, 3, 1), {"callback": "5"})
    with pytest.raises(sc.NaiveDateTimeError):
        SurveyResponse("S-1", "A-1", "C-1", _dt.datetime(2026, 3, 1, 9), {"callback": 5})


def test_responses_are_checked_when_summarised() -> None:
    unchecked = SurveyResponse("S-9", "A-022", "C-9", at(2026, 3, 1), {"staff": 9})
    with pytest.raises(SurveyError, match="unknown dimension"):
        TAOBAO.summarise([unchecked], "A-017", MARCH, CAL)
    twice = march_responses()[:2] * 2
    with pytest.raises(SurveyError, match="two responses with this id"):
        JINGYUN.summarise(twice, "A-017", MARCH, CAL)
    with pytest.raises(sc.ValidationError, match="expected a period"):
        JINGYUN.summarise([], "A-017", pendulum.date(2026, 3, 1), CAL)  # type: ignore[arg-type]
    with pytest.raises(sc.PolicyError, match="IANA"):
        JINGYUN.summarise([], "A-017", MARCH, "Asia/Nowhere")


def test_the_survey_feeds_one_criterion() -> None:
    result = JINGYUN.summarise(march_responses(), "A-017", MARCH, CAL)
    with pytest.raises(SurveyError, match="feeds customer-satisfaction, not this"):
        result.points(CALLBACK_SATISFACTION)
    plain = Survey(JINGYUN.dimensions, JINGYUN.cite)
    unfed = plain.summarise(march_responses(), "A-017", MARCH, CAL)
    with pytest.raises(SurveyError, match="feeds no appraisal criterion"):
        unfed.points(CUSTOMER_SATISFACTION)
    scheme = sc.AppraisalScheme(
        [CALLBACK_SATISFACTION], [sc.PeriodKind.MONTH], TB("TB-26", "P3b (2)")
    )
    with pytest.raises(
        SurveyError, match=r"Survey\.criterion: unknown; known: callback-satisfaction"
    ):
        JINGYUN.criterion_in(scheme)


def test_surveys_are_checked() -> None:
    cite = JW("JW-21", "第十條")
    staff = SurveyDimension("staff", hant("CS staff", "客服人員"))
    with pytest.raises(sc.PolicyError, match="lowest first"):
        Survey([staff], cite, scale=(5, 1))
    with pytest.raises(sc.PolicyError, match="whole numbers"):
        Survey([staff], cite, scale=(1, 4.5))
    with pytest.raises(sc.PolicyError, match="must not be empty"):
        Survey([], cite)
    with pytest.raises(sc.PolicyError, match="duplicate id"):
        Survey([staff, staff], cite)
    with pytest.raises(sc.PolicyError, match="lower-case"):
        Survey([staff], cite, criterion="Customer Satisfaction")


def test_a_ten_point_scale() -> None:
    survey = Survey(
        TAOBAO.dimensions, TAOBAO.cite, scale=(0, 10), criterion="callback-satisfaction"
    )
    response = survey.response("R-1", "xiaomei", "buyer", at(2026, 3, 3), {"callback": 7})
    result = survey.summarise([response], "xiaomei", MARCH, CAL)
    assert result.points(CALLBACK_SATISFACTION) == Decimal("21.00")
    with pytest.raises(SurveyError, match="outside the scale of 0 to 10"):
        survey.response("R-2", "xiaomei", "buyer", at(2026, 3, 3), {"callback": 11})


def test_survey_in_words() -> None:
    assert [r.explain("en") for r in JINGYUN.describe()] == [
        "Satisfaction survey on Satisfaction with the CS staff, Satisfaction with the service "
        "process, Products and service quality, and Brand image, scored 1 to 5 (JW-21)",
        "The survey's result gives the points of the appraisal criterion customer-satisfaction (JW-21)",
    ]


# -- properties ---------------------------------------------------------------------------

scales = st.tuples(st.integers(-5, 5), st.integers(1, 10)).map(lambda p: (p[0], p[0] + p[1]))
maxima = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(1000), places=2)


@st.composite
def case(draw: st.DrawFn) -> tuple[Survey, list[dict[str, int]], sc.Criterion]:
    low, high = draw(scales)
    ids = draw(st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=1, max_size=4, unique=True))
    survey = Survey(
        [SurveyDimension(i, hant(i, i)) for i in ids],
        JW("JW-21", "x"),
        scale=(low, high),
        criterion="sat",
    )
    rows = draw(
        st.lists(
            st.fixed_dictionaries({i: st.integers(low, high) for i in ids}), min_size=1, max_size=12
        )
    )
    criterion = sc.Criterion("sat", hant("Satisfaction", "滿意度"), draw(maxima), JW("JW-06", "x"))
    return survey, rows, criterion


def points_of(survey: Survey, rows: list[dict[str, int]], criterion: sc.Criterion) -> Decimal:
    responses = [
        survey.response(f"R-{n}", "A-1", f"C-{n}", at(2026, 3, 1 + n % 28), row)
        for n, row in enumerate(rows)
    ]
    return survey.summarise(responses, "A-1", MARCH, CAL).points(criterion)


@settings(max_examples=300, deadline=None)
@given(case(), st.data())
def test_points_stay_within_the_criterion_and_rise_with_any_score(
    drawn: tuple[Survey, list[dict[str, int]], sc.Criterion], data: st.DataObject
) -> None:
    survey, rows, criterion = drawn
    points = points_of(survey, rows, criterion)
    assert Decimal(0) <= points <= criterion.max_points
    assert points == points.quantize(Decimal("0.01"))
    # raise one score by any amount the scale allows: the points never fall
    n = data.draw(st.integers(0, len(rows) - 1))
    key = data.draw(st.sampled_from(sorted(rows[n])))
    if rows[n][key] < survey.high:
        raised = [dict(r) for r in rows]
        raised[n][key] = data.draw(st.integers(rows[n][key] + 1, survey.high))
        assert points_of(survey, raised, criterion) >= points
    # all lowest gives 0, all highest the maximum
    assert points_of(survey, [dict.fromkeys(rows[0], survey.low)], criterion) == 0
    assert (
        points_of(survey, [dict.fromkeys(rows[0], survey.high)], criterion) == criterion.max_points
    )
