"""Drawing questions and ordering their options, without the database: the services pass in the
bank and a random generator, so a test can seed the generator and know the result."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence


def draw_questions(pool: Sequence[int], count: int, rng: random.Random) -> list[int]:
    """`count` questions of the pool (all of them when the pool is smaller), in a random order."""
    return rng.sample(list(pool), min(count, len(pool)))


def draw_stratified(
    pools: Mapping[int, Sequence[int]], per_module: int, rng: random.Random
) -> list[int]:
    """`per_module` questions from each module's pool (all of a smaller pool), modules in the
    order given, so every module weighs the same in the final test whatever the size of its bank.
    The questions are then mixed so a trainee does not meet the modules one block after another."""
    drawn: list[int] = []
    for pool in pools.values():
        drawn.extend(draw_questions(pool, per_module, rng))
    rng.shuffle(drawn)
    return drawn


def shuffled_choices(
    choices: Mapping[int, Sequence[int]], rng: random.Random
) -> dict[str, list[int]]:
    """For each question (id -> its choice ids), the choice ids in a new random order. Stored
    with the attempt (keys are strings, as JSON stores them), so reloading the page shows the
    same order."""
    order = {}
    for question_id, ids in choices.items():
        ids = list(ids)
        rng.shuffle(ids)
        order[str(question_id)] = ids
    return order
