import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from relsell.checks import ModelInputError, fraction, number, whole_number


@pytest.mark.parametrize("bad", ["12", None, [1], True, {"a": 1}])
def test_number_refuses_non_numbers_with_the_name_and_value(bad):
    with pytest.raises(TypeError, match="Margin must be a number"):
        number("Margin", bad)


@pytest.mark.parametrize("bad, words", [(math.nan, "not a number"), (math.inf, "finite")])
def test_number_refuses_nan_and_infinity(bad, words):
    with pytest.raises(ValueError, match=words):
        number("Margin", bad)


def test_number_explains_the_bound_and_the_hint():
    with pytest.raises(ModelInputError) as err:
        number("Amount", -120, minimum=0, hint="Enter the order value in yuan.")
    assert str(err.value) == "Amount must be at least 0; got -120. Enter the order value in yuan."
    with pytest.raises(ValueError, match="at most 10; got 11"):
        number("Years", 11, maximum=10)


def test_whole_number_accepts_integral_floats_but_not_fractions():
    assert whole_number("Years", 3.0) == 3
    with pytest.raises(ValueError, match="whole number; got 3.5"):
        whole_number("Years", 3.5)
    with pytest.raises(TypeError):
        whole_number("Years", "3")
    with pytest.raises(TypeError):
        whole_number("Years", False)
    with pytest.raises(ValueError, match="at least 1"):
        whole_number("Years", 0, minimum=1)


def test_fraction_suggests_a_share_when_a_percentage_is_typed():
    with pytest.raises(ValueError, match=r"Did you mean 0.8 \(80 %\)\?"):
        fraction("Retention rate", 80)
    with pytest.raises(ValueError, match="between 0 and 1"):
        fraction("Retention rate", -0.1)
    assert fraction("Retention rate", 1) == 1.0
    with pytest.raises(ValueError, match="below 1"):
        fraction("Share", 1, allow_one=False)


@given(st.floats(min_value=0, max_value=1))
def test_fraction_accepts_every_share(value):
    assert fraction("x", value) == value
